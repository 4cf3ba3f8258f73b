/** Linear GraphQL for get_issue: one GetIssue query answered with the tests' issue and two comments. */
import { HttpResponse, http } from '@sophia/mcp-testing';
import { commentNode, issueNode, pageInfo } from '../../../../apps/linear-mcp/test/fixtures';

const issue = {
  data: {
    issue: {
      ...issueNode('ENG-123'),
      description: 'Steps to reproduce:\n1. Open Safari',
      creator: { name: 'Grace Hopper' },
      parent: { identifier: 'ENG-100' },
      comments: { nodes: [commentNode('c-1', 'Grace Hopper', 'Reproduced on 17.5'), commentNode('c-2', 'Ada Lovelace', 'Fix on the way')], pageInfo: pageInfo() },
    },
  },
};

export const handlers = [http.post('*/graphql', () => HttpResponse.json(issue))];
