import { pageInput } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineCodacyTool } from '../context';
import { organization, organizationPath, provider, repository } from '../inputs';
import { pageOutput } from '../shapes/common';
import { compactSecurityItem, securityItemOutput, type CodacySrmItem } from '../shapes/security';

const OPEN_STATUSES = ['Overdue', 'OnTrack', 'DueSoon'] as const;

export const searchSecurityItems = defineCodacyTool({
  name: 'search_security_items',
  toolset: 'security',
  title: 'Search security findings',
  description:
    'Finds security findings on the organization\'s Security and risk management dashboard: SAST, hard-coded secrets, ' +
    'vulnerable dependencies (SCA), infrastructure as code, CI/CD, DAST and pen-testing, filtered by repositories, ' +
    'priorities, statuses (default: the open ones), categories, scan types and text. Each finding has its priority, ' +
    'status, due date, scan type, category, CVE/CWE and fixed versions. Sorted by detection date (oldest first by ' +
    'default) so pages stay stable while findings are triaged. Up to 100 per page, with nextCursor.',
  input: z.object({
    provider,
    organization,
    repositories: z.array(repository).min(1).max(100).optional().describe('Only findings of these repositories; omit for the whole organization.'),
    priorities: z.array(z.enum(['Critical', 'High', 'Medium', 'Low'])).min(1).optional(),
    statuses: z
      .array(z.enum(['Overdue', 'OnTrack', 'DueSoon', 'ClosedOnTime', 'ClosedLate', 'Ignored']))
      .min(1)
      .default([...OPEN_STATUSES])
      .describe('Default: the open statuses Overdue, OnTrack, DueSoon. Closed: ClosedOnTime, ClosedLate, Ignored.'),
    scanTypes: z.array(z.enum(['SAST', 'Secrets', 'SCA', 'IaC', 'CICD', 'DAST', 'PenTesting', 'License', 'CSPM'])).min(1).optional(),
    categories: z
      .array(z.string().min(1).max(100))
      .min(1)
      .max(50)
      .optional()
      .describe('Security categories, e.g. Injection, Cryptography, Authentication, XSS; "_other_" for findings without one.'),
    text: z.string().min(1).max(200).optional().describe('Only findings whose title matches this text.'),
    newestFirst: z.boolean().default(false).describe('Newest detections first. Default false: oldest first, the order in which new findings only append.'),
    ...pageInput({ defaultLimit: 50 }),
  }),
  output: pageOutput(securityItemOutput),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const page = await ctx.api.page<CodacySrmItem>('post', `${organizationPath(input)}/security/items/search`, {
      ...input,
      query: { sort: 'DetectedAt', direction: input.newestFirst ? 'desc' : 'asc' },
      body: {
        repositories: input.repositories,
        priorities: input.priorities,
        statuses: input.statuses,
        scanTypes: input.scanTypes,
        categories: input.categories,
        searchText: input.text,
      },
    });
    return { ...page, items: page.items.map(compactSecurityItem) };
  },
});
