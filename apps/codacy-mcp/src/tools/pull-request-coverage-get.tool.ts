import { z } from 'zod';
import { defineCodacyTool } from '../context';
import { pullRequestNumber, repositoryInput, repositoryPath } from '../inputs';
import { orNull } from '../shapes/common';
import {
  compactFileCoverage,
  fileCoverageOutput,
  type CodacyFileDiffCoverage,
  type CodacyPullRequestWithAnalysis,
} from '../shapes/pull-requests';

/** Files with the most uncovered changed lines come first; the rest are counted, not listed. */
const MAX_FILES = 100;

export const getPullRequestCoverage = defineCodacyTool({
  name: 'get_pull_request_coverage',
  toolset: 'pull_requests',
  title: 'Get a pull request\'s coverage',
  description:
    'Reads the test coverage of a pull request: diff coverage (covered/coverable changed lines), the coverage delta ' +
    'against the target branch, whether the coverage gates pass, and per changed file its coverage and the changed ' +
    `lines no test covers (as ranges, e.g. "11,15-16"). Lists up to ${MAX_FILES} files, the least covered first. ` +
    'Needs coverage reports uploaded to Codacy for the pull request\'s commits.',
  input: z.object({ ...repositoryInput, pullRequestNumber }),
  output: z.object({
    number: z.number(),
    title: z.string(),
    isUpToStandards: z.boolean().nullable().describe('Coverage gates pass; null when Codacy has no coverage result.'),
    deltaCoverage: z.number().nullable(),
    diffCoverage: z
      .object({ percentage: z.number().nullable(), coveredLines: z.number().nullable(), coverableLines: z.number().nullable(), cause: z.string().nullable() })
      .nullable()
      .describe('cause: ValueIsPresent, NoCoverableLines or MissingRequirements (no coverage report for the commits).'),
    gates: z.array(z.object({ gate: z.string(), passes: z.boolean() })),
    files: z.array(fileCoverageOutput),
    filesNotShown: z.number(),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const path = `${repositoryPath(input)}/pull-requests/${input.pullRequestNumber}`;
    const [analysis, files] = await Promise.all([
      ctx.api.getWith<CodacyPullRequestWithAnalysis>(`analysis/${path}`, 'pullRequest'),
      ctx.api.getAll<CodacyFileDiffCoverage>(`coverage/${path}/files`),
    ]);
    const coverage = analysis.coverage;
    const diff = coverage?.diffCoverage;
    const byUncovered = files
      .map(compactFileCoverage)
      .sort((a, b) => b.changedLinesCoverable - b.changedLinesCovered - (a.changedLinesCoverable - a.changedLinesCovered));
    return {
      number: analysis.pullRequest.number,
      title: analysis.pullRequest.title,
      isUpToStandards: orNull(coverage?.isUpToStandards),
      deltaCoverage: orNull(coverage?.deltaCoverage),
      diffCoverage: diff
        ? { percentage: orNull(diff.value), coveredLines: orNull(diff.coveredLines), coverableLines: orNull(diff.coverableLines), cause: orNull(diff.cause) }
        : null,
      gates: (coverage?.resultReasons ?? []).map((reason) => ({ gate: reason.gate, passes: reason.isUpToStandards })),
      files: byUncovered.slice(0, MAX_FILES),
      filesNotShown: Math.max(0, byUncovered.length - MAX_FILES),
    };
  },
});
