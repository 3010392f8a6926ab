#!/usr/bin/env node
// Runs the whole test suite: builds the client assets, then unit and integration tests
// (SQLite and PostgreSQL), then the browser tests. Pass "unit" or "e2e" to run one part.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const part = process.argv[2] ?? 'all';

function find(dir) {
  let out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out = out.concat(find(p));
    else if (/\.test\.tsx?$/.test(e.name)) out.push(p);
  }
  return out.sort();
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

run(process.execPath, ['--import', 'tsx', 'scripts/build-assets.ts']);
const reporter = process.env.CI ? ['--test-reporter=spec'] : [];
if (part === 'all' || part === 'unit') {
  run(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...reporter, ...find('test')]);
}
if (part === 'all' || part === 'e2e') {
  run(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', ...reporter, ...find('e2e')]);
}
