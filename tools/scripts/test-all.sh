#!/usr/bin/env bash
# The one command that runs every check and test in the workspace (README: "Run every test").
# Lint, typecheck, unit/behaviour tests and e2e (which builds the bundles first) for every
# project, never from cache, then one summary line: "tests: N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")/../.."
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false NX_SKIP_NX_CACHE=true

rm -rf dist/test-results
status=0
# Derived files (.cursor/mcp.json, port and tool tables) must match the manifests and tools.
npx nx sync:check || status=$?
npx nx run-many -t lint typecheck test --parallel=2 --outputStyle=stream --skip-nx-cache || status=$?
# End-to-end specs start real processes (servers, PGlite's initdb, PostgreSQL, buildah) with
# timing-sensitive start-up; one project at a time keeps them off each other's CPU.
npx nx run-many -t e2e --parallel=1 --outputStyle=stream --skip-nx-cache || status=$?

node -e '
  const fs = require("fs"), dir = "dist/test-results";
  const files = fs.existsSync(dir) ? fs.readdirSync(dir) : [];
  const total = { passed: 0, failed: 0, skipped: 0 };
  for (const file of files) {
    const result = JSON.parse(fs.readFileSync(`${dir}/${file}`, "utf8"));
    for (const key of Object.keys(total)) total[key] += result[key];
    console.error(`  ${file.replace(/\.json$/, "")}: ${result.passed} passed, ${result.failed} failed`);
  }
  if (files.length === 0) { console.log("tests: 0 passed, 1 failed"); process.exit(1); }
  console.log(`tests: ${total.passed} passed, ${total.failed} failed` + (total.skipped ? `, ${total.skipped} skipped` : ""));
  if (total.failed > 0) process.exit(1);
' || status=1
exit $status
