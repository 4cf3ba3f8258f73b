import { capText } from '@sophia/mcp-base';
import { z } from 'zod';
import { orNull } from './common';

/** Codacy's SrmItem (security and risk management item), as searchSecurityItems returns it. */
export interface CodacySrmItem {
  id: string;
  itemSource?: string;
  itemSourceId?: string;
  title: string;
  repository?: string;
  openedAt: string;
  closedAt?: string;
  dueAt?: string;
  priority: string;
  status: string;
  scanType?: string;
  securityCategory?: string;
  cve?: string;
  cwe?: string;
  affectedVersion?: string;
  fixedVersion?: string[];
  htmlUrl?: string;
}

export const securityItemOutput = z.object({
  id: z.string(),
  title: z.string(),
  priority: z.string().describe('Critical, High, Medium or Low.'),
  status: z.string().describe('Open: Overdue, OnTrack, DueSoon. Closed: ClosedOnTime, ClosedLate, Ignored.'),
  scanType: z.string().nullable().describe('SAST, Secrets, SCA, IaC, CICD, DAST, PenTesting, License, CSPM.'),
  securityCategory: z.string().nullable(),
  repository: z.string().nullable(),
  detectedAt: z.string(),
  dueAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  cve: z.string().nullable(),
  cwe: z.string().nullable(),
  affectedVersion: z.string().nullable(),
  fixedVersions: z.array(z.string()),
  source: z.string().nullable().describe('Codacy, or the tool the item was imported from (e.g. Jira).'),
  url: z.string().nullable(),
});

export function compactSecurityItem(item: CodacySrmItem): z.infer<typeof securityItemOutput> {
  return {
    id: item.id,
    title: capText(item.title, 500),
    priority: item.priority,
    status: item.status,
    scanType: orNull(item.scanType),
    securityCategory: orNull(item.securityCategory),
    repository: orNull(item.repository),
    detectedAt: item.openedAt,
    dueAt: orNull(item.dueAt),
    closedAt: orNull(item.closedAt),
    cve: orNull(item.cve),
    cwe: orNull(item.cwe),
    affectedVersion: orNull(item.affectedVersion),
    fixedVersions: item.fixedVersion ?? [],
    source: orNull(item.itemSource),
    url: orNull(item.htmlUrl),
  };
}
