import type { PageObjectResponse } from '@notionhq/client';
import { plainText } from '../markdown/inline';

type PropertyValue = PageObjectResponse['properties'][string];
type Simple = string | number | boolean | null | Simple[] | { [key: string]: Simple };

const userName = (user: { id: string; name?: string | null }): string => user.name ?? user.id;

const dateValue = (date: { start: string; end: string | null } | null): Simple =>
  date === null ? null : date.end ? { start: date.start, end: date.end } : date.start;

/**
 * One page property as a plain JSON value: text as a string, selects as their names, people
 * as names, relations as page ids, dates as "start" or { start, end }. Types we do not know
 * (Notion adds some) come back as { type } so nothing fails on them.
 */
export function simplePropertyValue(value: PropertyValue): Simple {
  switch (value.type) {
    case 'title':
      return plainText(value.title);
    case 'rich_text':
      return plainText(value.rich_text);
    case 'number':
      return value.number;
    case 'select':
      return value.select?.name ?? null;
    case 'multi_select':
      return value.multi_select.map((option) => option.name);
    case 'status':
      return value.status?.name ?? null;
    case 'date':
      return dateValue(value.date);
    case 'checkbox':
      return value.checkbox;
    case 'url':
      return value.url;
    case 'email':
      return value.email;
    case 'phone_number':
      return value.phone_number;
    case 'people':
      return value.people.map((person) => ('name' in person ? userName(person) : person.id));
    case 'relation':
      return value.relation.map((relation) => relation.id);
    case 'files':
      return value.files.map((file) => ({ name: file.name, url: 'external' in file ? file.external.url : file.file.url }));
    case 'created_time':
      return value.created_time;
    case 'last_edited_time':
      return value.last_edited_time;
    case 'created_by':
      return 'name' in value.created_by ? userName(value.created_by) : value.created_by.id;
    case 'last_edited_by':
      return 'name' in value.last_edited_by ? userName(value.last_edited_by) : value.last_edited_by.id;
    case 'unique_id':
      return value.unique_id.prefix ? `${value.unique_id.prefix}-${value.unique_id.number}` : value.unique_id.number;
    case 'formula': {
      const formula = value.formula;
      if (formula.type === 'string') return formula.string;
      if (formula.type === 'number') return formula.number;
      if (formula.type === 'boolean') return formula.boolean;
      if (formula.type === 'date') return dateValue(formula.date);
      return null;
    }
    case 'rollup': {
      const rollup = value.rollup;
      if (rollup.type === 'number') return rollup.number;
      if (rollup.type === 'date') return dateValue(rollup.date);
      if (rollup.type === 'array') return rollup.array.map((item) => simplePropertyValue(item as PropertyValue));
      return null;
    }
    default:
      return { type: value.type };
  }
}

/** All of a page's properties as { name: simple value }. */
export function simpleProperties(properties: PageObjectResponse['properties']): Record<string, Simple> {
  return Object.fromEntries(Object.entries(properties).map(([name, value]) => [name, simplePropertyValue(value)]));
}
