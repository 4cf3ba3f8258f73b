import { capText } from '@sophia/mcp-base';
import { z } from 'zod';
import { orNull } from './common';

/** Messages, suggestions and source lines are capped one by one so a single one cannot crowd out a page. */
const MESSAGE_MAX_CHARS = 2_000;
const LINE_MAX_CHARS = 500;

/** Codacy's CommitIssue, as searchRepositoryIssues, getIssue and listPullRequestIssues return it. */
export interface CodacyIssue {
  issueId: string;
  resultDataId?: number;
  filePath: string;
  fileId?: number;
  patternInfo?: { id: string; title?: string; category?: string; subCategory?: string; severityLevel?: string; level?: string };
  toolInfo?: { uuid?: string; name?: string };
  lineNumber?: number;
  message?: string;
  suggestion?: string | null;
  language?: string;
  lineText?: string;
  commitInfo?: { sha?: string; commiter?: string; commiterName?: string; timestamp?: string } | null;
  falsePositiveProbability?: number;
  falsePositiveThreshold?: number;
}

export const issueOutput = z.object({
  resultDataId: z.number().nullable().describe('Id for get_issue.'),
  issueId: z.string().describe('Id for ignore_issue.'),
  filePath: z.string(),
  lineNumber: z.number().nullable(),
  level: z.string().nullable().describe('Error (critical), High, Warning (medium) or Info (minor).'),
  category: z.string().nullable(),
  subCategory: z.string().nullable(),
  patternId: z.string().nullable(),
  patternTitle: z.string().nullable(),
  tool: z.string().nullable(),
  language: z.string().nullable(),
  message: z.string().nullable(),
  lineText: z.string().nullable(),
  suggestion: z.string().nullable(),
  commit: z.object({ sha: z.string().nullable(), authorEmail: z.string().nullable(), authorName: z.string().nullable(), timestamp: z.string().nullable() }).nullable(),
  likelyFalsePositive: z.boolean().describe("Codacy's false-positive estimate is at or above its threshold."),
});

export type CompactIssue = z.infer<typeof issueOutput>;

export function compactIssue(issue: CodacyIssue): CompactIssue {
  const pattern = issue.patternInfo;
  const commit = issue.commitInfo;
  return {
    resultDataId: orNull(issue.resultDataId),
    issueId: issue.issueId,
    filePath: issue.filePath,
    lineNumber: orNull(issue.lineNumber),
    level: orNull(pattern?.severityLevel ?? pattern?.level),
    category: orNull(pattern?.category),
    subCategory: orNull(pattern?.subCategory),
    patternId: orNull(pattern?.id),
    patternTitle: orNull(pattern?.title),
    tool: orNull(issue.toolInfo?.name),
    language: orNull(issue.language),
    message: capText(issue.message, MESSAGE_MAX_CHARS),
    lineText: capText(issue.lineText, LINE_MAX_CHARS),
    suggestion: capText(issue.suggestion, MESSAGE_MAX_CHARS),
    commit: commit
      ? { sha: orNull(commit.sha), authorEmail: orNull(commit.commiter), authorName: orNull(commit.commiterName), timestamp: orNull(commit.timestamp) }
      : null,
    likelyFalsePositive:
      issue.falsePositiveProbability !== undefined &&
      issue.falsePositiveThreshold !== undefined &&
      issue.falsePositiveProbability >= issue.falsePositiveThreshold,
  };
}
