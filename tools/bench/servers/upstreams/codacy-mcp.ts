/** Codacy API v3 for list_repositories: ten repositories with analysis in Codacy's `{ data, pagination }` envelope. */
import { http } from '@sophia/mcp-testing';
import { codacyList } from '../../../../apps/codacy-mcp/test/fake-upstream';
import { repositoryWithAnalysis } from '../../../../apps/codacy-mcp/test/fixtures/codacy';

const repositories = Array.from({ length: 10 }, (_unused, index) => repositoryWithAnalysis(`web-app-${index + 1}`));

export const handlers = [
  http.get('*/api/v3/analysis/organizations/:provider/:organization/repositories', () =>
    codacyList(repositories, undefined, repositories.length),
  ),
];
