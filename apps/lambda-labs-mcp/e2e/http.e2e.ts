import {
  bundlePath,
  callToolOverHttp,
  describeServerOverHttp,
  http,
  resultJson,
  serveFakeUpstream,
  type FakeUpstreamServer,
} from '@sophia/mcp-testing';
import { INSTANCE_TYPES, lambdaData } from '../test/fake-upstream';

const configuredEnv = { LAMBDA_API_KEY: 'e2e-lambda-key-000000', LAMBDA_API_URL: 'http://127.0.0.1:1' };
const sampleCall = { name: 'find_cheapest_available', arguments: { gpuModel: 'A100' } };

describeServerOverHttp({ app: 'lambda-labs-mcp', configuredEnv, sampleCall });

describe('lambda-labs-mcp over HTTP against a fake Lambda Cloud on loopback', () => {
  let lambda: FakeUpstreamServer;
  const authorizations: Array<string | null> = [];
  beforeAll(async () => {
    lambda = await serveFakeUpstream([
      http.get('*/instance-types', ({ request }) => {
        authorizations.push(request.headers.get('authorization'));
        return lambdaData(INSTANCE_TYPES);
      }),
    ]);
  });
  afterAll(() => lambda.close());

  it('calls find_cheapest_available through both client generations, with structured content', async () => {
    const env = { ...configuredEnv, LAMBDA_API_URL: lambda.url };
    for (const result of await callToolOverHttp(bundlePath('lambda-labs-mcp'), env, sampleCall)) {
      expect(resultJson(result)).toMatchObject({ found: true, instanceType: { name: 'gpu_1x_a100_sxm4', pricePerHourUsd: 1.29 }, launchRegions: ['europe-central-1', 'us-west-1'] });
      expect(result.structuredContent).toEqual(resultJson(result));
    }
    expect(lambda.requests.map((request) => request.path)).toEqual(['/instance-types', '/instance-types']);
    expect(authorizations).toEqual(['Bearer e2e-lambda-key-000000', 'Bearer e2e-lambda-key-000000']);
  });
});
