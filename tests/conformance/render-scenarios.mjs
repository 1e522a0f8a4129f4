// Renders every snapshot scenario (tests/Scaffolder.Tests/Snapshots/scenarios.yaml) into OUT/<id>/, each a fresh
// copy of samples/homelab, with the scaffold command given in SCAFFOLD (default: `scaffold` on PATH).
//   node render-scenarios.mjs OUT
import { cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const out = resolve(process.argv[2] ?? '');
if (!process.argv[2]) {
  console.error('usage: node render-scenarios.mjs OUT');
  process.exit(2);
}

// Reproducible dates (decision records): SOURCE_DATE_EPOCH as in SnapshotTests unless already set.
const env = { ...process.env, SOURCE_DATE_EPOCH: process.env.SOURCE_DATE_EPOCH || '1735689600' };
const scaffold = (process.env.SCAFFOLD ?? 'scaffold').split(' ');
const scenarios = YAML.parse(readFileSync(join(root, 'tests/Scaffolder.Tests/Snapshots/scenarios.yaml'), 'utf8'));
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
let failed = 0;
for (const { id, args } of scenarios) {
  const repo = join(out, id);
  cpSync(join(root, 'samples/homelab'), repo, { recursive: true });
  const run = spawnSync(scaffold[0], [...scaffold.slice(1), ...args, '--repo', repo], { encoding: 'utf8', env });
  if (run.status !== 0) {
    failed++;
    console.log(`FAIL render ${id}: exit ${run.status}: ${(run.stderr || run.error?.message || '').trim()}`);
  }
}
console.log(`render: ${scenarios.length} scenarios, ${failed} failures`);
process.exit(failed > 0 ? 1 : 0);
