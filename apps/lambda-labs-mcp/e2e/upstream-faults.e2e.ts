import { FAULT_CASES, describeUpstreamFaults, faults, http } from '@sophia/mcp-testing';
import { INSTANCE_TYPES, lambdaData, lambdaInstance } from '../test/fake-upstream';

const apiKey = 'secret_lambda-fault-suite_0000000000';

describeUpstreamFaults({
  app: 'lambda-labs-mcp',
  env: (url) => ({ LAMBDA_API_KEY: apiKey, LAMBDA_API_URL: url }),
  handlers: [
    http.get('*/instance-types', () => lambdaData(INSTANCE_TYPES)),
    http.get('*/instances/:id', ({ params }) => lambdaData(lambdaInstance(String(params['id'])))),
  ],
  calls: [
    { name: 'list_instance_types', arguments: { onlyAvailable: true } },
    { name: 'get_instance', arguments: { instanceId: 'i-1' } },
  ],
  secretValues: [apiKey],
  // Lambda wraps every answer in `{ data }`: JSON without it is not an answer either.
  cases: [...FAULT_CASES, { name: 'JSON of the wrong shape with 200', faults: () => [faults.wrongShape200()], expect: 'upstream_error' }],
});
