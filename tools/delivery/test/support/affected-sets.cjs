// Child process for affected.spec.ts, run with cwd = a scratch git workspace: builds the project
// graph once (Nx's own API, as `nx show projects --affected` does), then for each scenario writes
// the changed files, asks which projects with the given targets are affected against `main`, and
// restores the files. One graph build instead of one per question keeps the spec fast.
// argv[2]: a JSON file { scenarios: [{ name, files: { path: newContent }, targets: [...] }], tasks: ["app:target"] };
// prints { affected: { name: { target: [projects] } }, inputs: { task: { files, external } } } as JSON
// (inputs as `nx show target inputs` resolves them).
const { readFileSync, writeFileSync } = require('node:fs');
const { createProjectGraphAsync } = require('nx/src/project-graph/project-graph');
const { readNxJson } = require('nx/src/config/nx-json');
const { calculateFileChanges } = require('nx/src/project-graph/file-utils');
const { filterAffected } = require('nx/src/project-graph/affected/affected-project-graph');
const { parseFiles } = require('nx/src/utils/command-line-utils');
const { getTaskRawInputs } = require('nx/src/hasher/check-task-files');

async function main() {
  const { scenarios, tasks } = JSON.parse(readFileSync(process.argv[2], 'utf8'));
  const graph = await createProjectGraphAsync({ exitOnError: true });
  const nxJson = readNxJson();
  const inputs = {};
  for (const task of tasks) {
    const raw = await getTaskRawInputs(task, { projectGraph: graph, nxJson });
    if (!raw) throw new Error(`no hash plan for ${task}`);
    inputs[task] = { files: raw.files ?? [], external: raw.external ?? [] };
  }
  const affected = {};
  for (const { name, files, targets } of scenarios) {
    const before = Object.fromEntries(Object.keys(files).map((file) => [file, readFileSync(file, 'utf8')]));
    for (const [file, content] of Object.entries(files)) writeFileSync(file, content);
    try {
      const nxArgs = { base: 'main' };
      const changes = calculateFileChanges(parseFiles(nxArgs).files, nxArgs);
      const { nodes } = await filterAffected(graph, changes, nxJson);
      affected[name] = Object.fromEntries(
        targets.map((target) => [target, Object.values(nodes).filter((node) => node.data.targets?.[target]).map((node) => node.name).sort()]),
      );
    } finally {
      for (const [file, content] of Object.entries(before)) writeFileSync(file, content);
    }
  }
  process.stdout.write(JSON.stringify({ affected, inputs }));
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
