/** Portkey Admin API for list_configs: ten configs, returned whole as Portkey does (the server pages them). */
import { HttpResponse, http } from '@sophia/mcp-testing';
import { configSummary } from '../../../../apps/portkey-admin-mcp/test/fixtures/portkey';

const configs = Array.from({ length: 10 }, (_unused, index) => configSummary(`pc-bench-${index + 1}`));

export const handlers = [http.get('*/v1/configs', () => HttpResponse.json({ success: true, data: configs }))];
