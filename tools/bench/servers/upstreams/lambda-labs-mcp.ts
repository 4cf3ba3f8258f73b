/** Lambda Cloud API v1 for list_instance_types: the tests' five types with their regions with capacity. */
import { http } from '@sophia/mcp-testing';
import { INSTANCE_TYPES, lambdaData } from '../../../../apps/lambda-labs-mcp/test/fake-upstream';

export const handlers = [http.get('*/api/v1/instance-types', () => lambdaData(INSTANCE_TYPES))];
