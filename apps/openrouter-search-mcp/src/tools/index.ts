import type { ToolList } from '@sophia/mcp-base';
import type { OpenrouterSearchContext } from '../context';
import { getCredits } from './credits-get.tool';
import { getKeyUsage } from './key-usage-get.tool';
import { listModelEndpoints } from './model-endpoints-list.tool';
import { getModel } from './model-get.tool';
import { testModel } from './model-test.tool';
import { compareModels } from './models-compare.tool';
import { recommendModels } from './models-recommend.tool';
import { searchModels } from './models-search.tool';
import { listProviders } from './providers-list.tool';

/** Every openrouter-search-mcp tool, in the order clients list them: grouped by toolset, reads before writes. */
export const openrouterSearchTools: ToolList<OpenrouterSearchContext> = [
  searchModels,
  getModel,
  listModelEndpoints,
  compareModels,
  recommendModels,
  listProviders,
  getKeyUsage,
  getCredits,
  testModel,
];
