import { z } from 'zod';

/**
 * Input fields the CRM tools share. The patterns follow HubSpot's naming closely enough to reject
 * typos and path tricks ("../", "contacts/1") before any request is made.
 */
export const objectType = z
  .string()
  .regex(
    /^(?:[a-z][a-z_]{1,40}|\d-\d{1,12}|p\d+_[a-z][a-z0-9_]{0,60})$/,
    'an object type such as "contacts", "companies", "deals", "tickets", or a custom object\'s type id like "2-123456"',
  )
  .describe(
    'CRM object type: contacts, companies, deals, tickets (also notes, calls, tasks, products, line_items, …) or a ' +
      'custom object by its type id ("2-123456") or fully qualified name ("p123456_cars").',
  );

export const recordId = z
  .string()
  .regex(/^\d{1,20}$/, 'a numeric HubSpot record id such as "51"')
  .describe('HubSpot record id (hs_object_id), e.g. "51".');

export const propertyName = z
  .string()
  .regex(/^[a-z0-9_]{1,100}$/, 'an internal property name such as "email" or "dealstage" (see list_properties)');

export const propertyNames = z
  .array(propertyName)
  .min(1)
  .max(100)
  .optional()
  .describe(
    'Internal property names to return (see list_properties). Omitted: HubSpot\'s default few (e.g. for contacts: ' +
      'firstname, lastname, email, createdate, lastmodifieddate).',
  );
