// Progress goes to stdout line by line, so a long run shows where it is.
/** @param {string} line */
export function log(line) {
  process.stdout.write(`${line}\n`);
}
