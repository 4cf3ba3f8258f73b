import { capText } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineLinearTool } from '../context';
import { idOrSlug } from '../inputs';
import { DOCUMENT_FIELDS, compactDocument, documentOutput, type DocumentNode } from '../shapes';

const CONTENT_MAX_CHARS = 50_000;

// document(id:) takes the id or the URL slug.
const GET_DOCUMENT = `
query GetDocument($id: String!) {
  document(id: $id) { ${DOCUMENT_FIELDS} content updatedBy { name } }
}`;

interface DocumentDetail extends DocumentNode {
  content?: string | null;
  updatedBy?: { name: string } | null;
}

export const getDocument = defineLinearTool({
  name: 'get_document',
  toolset: 'documents',
  title: 'Get a document',
  description:
    'Reads one Linear document by id or linear.app URL (from list_documents or a link): title, project, team, ' +
    `creator, last editor, dates, url and its content in Markdown, cut at ${CONTENT_MAX_CHARS} characters with a marker.`,
  input: z.object({ id: idOrSlug('Document', 'https://linear.app/acme/document/checkout-spec-9a8b7c6d5e4f') }),
  output: documentOutput.extend({
    updatedBy: z.string().nullable(),
    content: z.string().nullable().describe(`Markdown, cut at ${CONTENT_MAX_CHARS} characters with a marker.`),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const { document } = await ctx.linear.query<{ document: DocumentDetail }>(GET_DOCUMENT, { id: input.id });
    return {
      ...compactDocument(document),
      updatedBy: document.updatedBy?.name ?? null,
      content: capText(document.content, CONTENT_MAX_CHARS),
    };
  },
});
