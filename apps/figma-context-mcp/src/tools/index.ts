import type { ToolList } from '@sophia/mcp-base';
import type { FigmaContextContext } from '../context';
import { listComments } from './comments-list.tool';
import { listComponents } from './components-list.tool';
import { getDesignContext } from './design-context-get.tool';
import { getFileOutline } from './file-outline-get.tool';
import { getImageFills } from './image-fills-get.tool';
import { getMe } from './me-get.tool';
import { renderNodes } from './nodes-render.tool';
import { listStyles } from './styles-list.tool';
import { getVariables } from './variables-get.tool';

/** Every figma-context-mcp tool, in the order clients list them: grouped by toolset. All read-only. */
export const figmaContextTools: ToolList<FigmaContextContext> = [
  // design
  getDesignContext,
  getFileOutline,
  // assets
  renderNodes,
  getImageFills,
  // library
  listComponents,
  listStyles,
  getVariables,
  // comments
  listComments,
  // account
  getMe,
];
