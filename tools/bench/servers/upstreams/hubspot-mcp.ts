/** HubSpot CRM v3 for list_owners (not paced, unlike search): one page of ten owners. */
import { HttpResponse, http } from '@sophia/mcp-testing';
import { owner, page } from '../../../../apps/hubspot-mcp/test/fixtures/crm';

const owners = page(Array.from({ length: 10 }, (_unused, index) => owner(String(index + 1), `owner${index + 1}@example.com`)));

export const handlers = [http.get('*/crm/v3/owners', () => HttpResponse.json(owners))];
