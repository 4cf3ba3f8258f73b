import { z } from 'zod';
import { orNull } from './common';

/** Codacy's RepositoryWithAnalysis (listOrganizationRepositoriesWithAnalysis, getRepositoryWithAnalysis). */
export interface CodacyRepositoryWithAnalysis {
  repository: {
    name: string;
    owner?: string;
    provider?: string;
    fullPath?: string;
    visibility?: string;
    lastUpdated?: string;
    languages?: string[];
    defaultBranch?: { name: string } | null;
    standards?: Array<{ id?: number; name: string }>;
    codingStandardName?: string;
    gatePolicyName?: string;
    problems?: Array<{ message?: string; code?: string }>;
  };
  lastAnalysedCommit?: { sha?: string; commitTimestamp?: string; endedAnalysis?: string } | null;
  grade?: number;
  gradeLetter?: string;
  issuesPercentage?: number;
  issuesCount?: number;
  loc?: number;
  complexFilesPercentage?: number;
  complexFilesCount?: number;
  duplicationPercentage?: number;
  coverage?: {
    coveragePercentage?: number;
    coveragePercentageWithDecimals?: number;
    filesUncovered?: number;
    filesWithLowCoverage?: number;
    numberTotalFiles?: number;
  } | null;
  goals?: {
    maxIssuePercentage?: number;
    maxDuplicatedFilesPercentage?: number;
    minCoveragePercentage?: number;
    maxComplexFilesPercentage?: number;
  } | null;
}

export const repositorySummaryOutput = z.object({
  name: z.string(),
  fullPath: z.string().nullable(),
  visibility: z.string().nullable(),
  gradeLetter: z.string().nullable().describe('A (best) to F.'),
  grade: z.number().nullable().describe('0-100.'),
  issuesCount: z.number().nullable(),
  issuesPerKLoc: z.number().nullable().describe('Issues per thousand lines of code, as Codacy shows them.'),
  coveragePercentage: z.number().nullable().describe('Null when no coverage report was processed.'),
  complexFilesPercentage: z.number().nullable(),
  duplicationPercentage: z.number().nullable(),
  linesOfCode: z.number().nullable(),
  lastUpdated: z.string().nullable(),
  lastAnalysedCommit: z.object({ sha: z.string().nullable(), analysedAt: z.string().nullable() }).nullable(),
});

export function compactRepositorySummary(analysis: CodacyRepositoryWithAnalysis): z.infer<typeof repositorySummaryOutput> {
  const { repository, lastAnalysedCommit: commit, coverage } = analysis;
  return {
    name: repository.name,
    fullPath: orNull(repository.fullPath),
    visibility: orNull(repository.visibility),
    gradeLetter: orNull(analysis.gradeLetter),
    grade: orNull(analysis.grade),
    issuesCount: orNull(analysis.issuesCount),
    issuesPerKLoc:
      analysis.issuesCount !== undefined && analysis.loc ? Math.round((analysis.issuesCount / analysis.loc) * 1000 * 10) / 10 : null,
    coveragePercentage: orNull(coverage?.coveragePercentageWithDecimals ?? coverage?.coveragePercentage),
    complexFilesPercentage: orNull(analysis.complexFilesPercentage),
    duplicationPercentage: orNull(analysis.duplicationPercentage),
    linesOfCode: orNull(analysis.loc),
    lastUpdated: orNull(repository.lastUpdated),
    lastAnalysedCommit: commit ? { sha: orNull(commit.sha), analysedAt: orNull(commit.endedAnalysis ?? commit.commitTimestamp) } : null,
  };
}

export const repositoryAnalysisOutput = repositorySummaryOutput.extend({
  defaultBranch: z.string().nullable(),
  languages: z.array(z.string()),
  codingStandards: z.array(z.string()),
  qualityGate: z.string().nullable(),
  problems: z.array(z.string()).describe('Set-up problems Codacy reports (e.g. missing coverage, analysis failing).'),
  complexFilesCount: z.number().nullable(),
  coverage: z
    .object({ filesUncovered: z.number().nullable(), filesWithLowCoverage: z.number().nullable(), totalFiles: z.number().nullable() })
    .nullable(),
  goals: z
    .object({
      maxIssuePercentage: z.number().nullable(),
      maxDuplicatedFilesPercentage: z.number().nullable(),
      minCoveragePercentage: z.number().nullable(),
      maxComplexFilesPercentage: z.number().nullable(),
    })
    .nullable()
    .describe("The repository's quality goals: above/below them Codacy marks a metric as failing."),
});

export function compactRepositoryAnalysis(analysis: CodacyRepositoryWithAnalysis): z.infer<typeof repositoryAnalysisOutput> {
  const { repository, coverage, goals } = analysis;
  const standards = repository.standards?.map((standard) => standard.name) ?? [];
  return {
    ...compactRepositorySummary(analysis),
    defaultBranch: orNull(repository.defaultBranch?.name),
    languages: repository.languages ?? [],
    codingStandards: standards.length ? standards : repository.codingStandardName ? [repository.codingStandardName] : [],
    qualityGate: orNull(repository.gatePolicyName),
    problems: (repository.problems ?? []).map((problem) => problem.message ?? problem.code ?? 'unknown problem'),
    complexFilesCount: orNull(analysis.complexFilesCount),
    coverage: coverage
      ? { filesUncovered: orNull(coverage.filesUncovered), filesWithLowCoverage: orNull(coverage.filesWithLowCoverage), totalFiles: orNull(coverage.numberTotalFiles) }
      : null,
    goals: goals
      ? {
          maxIssuePercentage: orNull(goals.maxIssuePercentage),
          maxDuplicatedFilesPercentage: orNull(goals.maxDuplicatedFilesPercentage),
          minCoveragePercentage: orNull(goals.minCoveragePercentage),
          maxComplexFilesPercentage: orNull(goals.maxComplexFilesPercentage),
        }
      : null,
  };
}
