// Every row of the benchmark, in table order: the echo rows (frameworks), then the app rows.
import { APP_ROWS } from './app-rows.mjs';
import { ECHO_ROWS, REFERENCE_ROW } from './echo-rows.mjs';

export { REFERENCE_ROW };
export const ROWS = [...ECHO_ROWS, ...APP_ROWS];

/**
 * The rows named (by key), in the order of the table; with `heapCompare`, each app row is followed
 * by its twin that runs with V8's default heap instead of the deployed heap flags.
 * @param {string[]} keys
 * @param {{ heapCompare?: boolean }} [options]
 * @returns {import('./row.mjs').Row[]}
 */
export const selectRows = (keys, { heapCompare = false } = {}) =>
  ROWS.filter((row) => keys.includes(row.key)).flatMap((row) =>
    heapCompare && row.kind === 'app' ? [row, { ...row, key: `${row.key}+v8-defaults`, label: `${row.label} (V8 default heap)`, twinOf: row.key }] : [row],
  );
