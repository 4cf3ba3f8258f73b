// Writes each Jest run's totals to dist/test-results/<displayName>.json so the
// workspace test script can print one line for every project together.
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

class SummaryReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }

  onRunComplete(contexts, results) {
    const [context] = contexts;
    const displayName = context?.config.displayName?.name ?? this.rootDir.split('/').slice(-2).join('-');
    const name = displayName.replace(/[^\w.-]/g, '_');
    const dir = join(__dirname, '..', '..', 'dist', 'test-results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, `${name}.json`),
      JSON.stringify({
        passed: results.numPassedTests,
        failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
        skipped: results.numPendingTests + results.numTodoTests,
      }),
    );
  }

  onRunStart() {}
}

module.exports = SummaryReporter;
