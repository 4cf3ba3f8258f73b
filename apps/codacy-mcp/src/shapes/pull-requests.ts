import { z } from 'zod';
import { orNull } from './common';

/** Codacy's PullRequestWithAnalysis (listRepositoryPullRequests, getRepositoryPullRequest). */
export interface CodacyPullRequestWithAnalysis {
  isUpToStandards?: boolean;
  isAnalysing?: boolean;
  pullRequest: {
    id?: number;
    number: number;
    title: string;
    status?: string;
    updated?: string;
    owner?: { name?: string; username?: string } | null;
    originBranch?: string;
    targetBranch?: string;
    gitHref?: string;
  };
  newIssues?: number;
  fixedIssues?: number;
  deltaComplexity?: number;
  deltaClonesCount?: number;
  coverage?: {
    deltaCoverage?: number;
    diffCoverage?: { value?: number; coveredLines?: number; coverableLines?: number; cause?: string } | null;
    isUpToStandards?: boolean;
    resultReasons?: Array<{ gate: string; isUpToStandards: boolean }>;
  } | null;
  quality?: { isUpToStandards?: boolean; resultReasons?: Array<{ gate: string; isUpToStandards: boolean }> } | null;
}

export const pullRequestOutput = z.object({
  number: z.number(),
  title: z.string(),
  status: z.string().nullable(),
  author: z.string().nullable(),
  originBranch: z.string().nullable(),
  targetBranch: z.string().nullable(),
  updated: z.string().nullable(),
  url: z.string().nullable(),
  isAnalysing: z.boolean().nullable(),
  isUpToStandards: z.boolean().nullable().describe('Passes the quality gate; null while not analysed.'),
  newIssues: z.number().nullable(),
  fixedIssues: z.number().nullable(),
  deltaComplexity: z.number().nullable(),
  deltaClones: z.number().nullable(),
  deltaCoverage: z.number().nullable(),
  diffCoverage: z.number().nullable().describe('Coverage of the added or changed lines, percent.'),
});

export function compactPullRequest(analysis: CodacyPullRequestWithAnalysis): z.infer<typeof pullRequestOutput> {
  const { pullRequest: pr, coverage } = analysis;
  return {
    number: pr.number,
    title: pr.title,
    status: orNull(pr.status),
    author: orNull(pr.owner?.username ?? pr.owner?.name),
    originBranch: orNull(pr.originBranch),
    targetBranch: orNull(pr.targetBranch),
    updated: orNull(pr.updated),
    url: orNull(pr.gitHref),
    isAnalysing: orNull(analysis.isAnalysing),
    isUpToStandards: orNull(analysis.isUpToStandards),
    newIssues: orNull(analysis.newIssues),
    fixedIssues: orNull(analysis.fixedIssues),
    deltaComplexity: orNull(analysis.deltaComplexity),
    deltaClones: orNull(analysis.deltaClonesCount),
    deltaCoverage: orNull(coverage?.deltaCoverage),
    diffCoverage: orNull(coverage?.diffCoverage?.value),
  };
}

/** Codacy's per-file diff coverage of a pull request (getRepositoryPullRequestFilesCoverage). */
export interface CodacyFileDiffCoverage {
  fileName: string;
  coverage?: number | null;
  diffLineHits?: Array<{ lineNumber: string | number; hits: number }>;
}

export const fileCoverageOutput = z.object({
  path: z.string(),
  coverage: z.number().nullable().describe("The file's total coverage, percent."),
  changedLinesCovered: z.number(),
  changedLinesCoverable: z.number(),
  uncoveredLines: z.string().describe('Changed lines no test covers, as ranges: "11,15-16".'),
});

export function compactFileCoverage(file: CodacyFileDiffCoverage): z.infer<typeof fileCoverageOutput> {
  const hits = file.diffLineHits ?? [];
  const uncovered = hits
    .filter((hit) => hit.hits === 0)
    .map((hit) => Number(hit.lineNumber))
    .filter(Number.isFinite)
    .sort((a, b) => a - b);
  return {
    path: file.fileName,
    coverage: orNull(file.coverage),
    changedLinesCovered: hits.filter((hit) => hit.hits > 0).length,
    changedLinesCoverable: hits.length,
    uncoveredLines: lineRanges(uncovered),
  };
}

/** [1,2,3,5,6,10] → "1-3,5-6,10": uncovered lines stay short however many there are. */
function lineRanges(sorted: number[]): string {
  const ranges: string[] = [];
  for (let start = 0; start < sorted.length; ) {
    let end = start;
    while (end + 1 < sorted.length && sorted[end + 1] === (sorted[end] ?? NaN) + 1) end += 1;
    ranges.push(start === end ? `${sorted[start]}` : `${sorted[start]}-${sorted[end]}`);
    start = end + 1;
  }
  return ranges.join(',');
}
