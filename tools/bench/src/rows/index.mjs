// Every row of the benchmark, in table order: the echo rows (frameworks), then the app rows.
import { APP_ROWS } from './app-rows.mjs';
import { ECHO_ROWS, REFERENCE_ROW } from './echo-rows.mjs';

export { REFERENCE_ROW };
export const ROWS = [...ECHO_ROWS, ...APP_ROWS];

/** The rows named (by key), in the order of the table. */
export const selectRows = (/** @type {string[]} */ keys) => ROWS.filter((row) => keys.includes(row.key));
