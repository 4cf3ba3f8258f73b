import { pageInput, pageOutput, tokenCursor } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineLinearTool } from '../context';
import { PAGE_INFO, relayNextCursor, type PageInfo } from '../linear-api';
import { projectFilter, teamFilter } from '../filters';
import { DOCUMENT_FIELDS, compactDocument, documentOutput, type DocumentNode } from '../shapes';

const LIST_DOCUMENTS = `
query ListDocuments($first: Int!, $after: String, $filter: DocumentFilter, $includeArchived: Boolean) {
  documents(first: $first, after: $after, filter: $filter, includeArchived: $includeArchived, orderBy: updatedAt) {
    nodes { ${DOCUMENT_FIELDS} }
    ${PAGE_INFO}
  }
}`;

export const listDocuments = defineLinearTool({
  name: 'list_documents',
  toolset: 'documents',
  title: 'List documents',
  description:
    'Lists Linear documents (specs, notes, project docs), most recently updated first, optionally only those ' +
    'of a project or team, or whose title contains some text. Returns { items, nextCursor } with id, title, ' +
    'project, team, issue, creator, url and dates, no content; read one with get_document. Up to 100 per page.',
  input: z.object({
    project: z.string().trim().min(1).max(200).optional().describe('Project name (case-insensitive) or project id.'),
    team: z.string().trim().min(1).max(200).optional().describe('Team key (e.g. "ENG"), team name, or team id.'),
    query: z.string().trim().min(1).max(200).optional().describe('Only documents whose title contains this text (case-insensitive).'),
    includeArchived: z.boolean().default(false).describe('Include archived documents (default false).'),
    ...pageInput({ defaultLimit: 25 }),
  }),
  output: pageOutput(documentOutput),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const filter = {
      ...(input.project ? { project: projectFilter(input.project) } : {}),
      ...(input.team ? { team: teamFilter(input.team) } : {}),
      ...(input.query ? { title: { containsIgnoreCase: input.query } } : {}),
    };
    const { documents } = await ctx.linear.query<{ documents: { nodes: DocumentNode[]; pageInfo: PageInfo } }>(LIST_DOCUMENTS, {
      first: input.limit,
      after: tokenCursor.read(input.cursor),
      filter: Object.keys(filter).length ? filter : undefined,
      includeArchived: input.includeArchived,
    });
    return { items: documents.nodes.map(compactDocument), nextCursor: relayNextCursor(documents.pageInfo) };
  },
});
