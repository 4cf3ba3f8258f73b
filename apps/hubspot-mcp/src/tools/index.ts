import type { ToolList } from '@sophia/mcp-base';
import type { HubspotContext } from '../context';
import { listAssociations } from './associations-list.tool';
import { upsertCrmObject } from './crm-object-upsert.tool';
import { getCrmObjects } from './crm-objects-get.tool';
import { listCrmObjects } from './crm-objects-list.tool';
import { searchCrmObjects } from './crm-objects-search.tool';
import { createNote } from './note-create.tool';
import { listOwners } from './owners-list.tool';
import { listPipelines } from './pipelines-list.tool';
import { listProperties } from './properties-list.tool';

/** Every hubspot-mcp tool, in the order clients list them: grouped by toolset, reads before writes. */
export const hubspotTools: ToolList<HubspotContext> = [
  // crm
  searchCrmObjects,
  listCrmObjects,
  getCrmObjects,
  listAssociations,
  upsertCrmObject,
  // schema
  listProperties,
  listPipelines,
  // owners
  listOwners,
  // engagements
  createNote,
];
