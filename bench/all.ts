/**
 * npm run bench [-- page | admin-list | search | beacon …]: runs the named benchmarks (all of
 * them by default) one after the other, each in its own process so that one's memory and
 * servers do not weigh on the next.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const BENCHES: Record<string, { file: string; args: string[]; about: string }> = {
  page: { file: 'run.ts', args: [], about: 'the article page under wrk: nginx and node:http with the same bytes, Cổng hit, miss, 404, 429, a cold crawl' },
  'admin-list': { file: 'admin-list.ts', args: [], about: 'the back-office article list at 100,000 articles (SQLite)' },
  search: { file: 'search.ts', args: [], about: 'search over 100,000 articles, SQLite and PostgreSQL, against LIKE' },
  beacon: { file: 'beacon.ts', args: ['--built'], about: 'the visit beacon: 1M hits over 100k visitors' },
};

const asked = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = asked.filter((a) => !BENCHES[a]);
if (unknown.length) {
  console.error(`Unknown benchmark ${unknown.join(', ')}. Known: ${Object.keys(BENCHES).join(', ')}.`);
  process.exit(2);
}
let failed = 0;
for (const name of asked.length ? asked : Object.keys(BENCHES)) {
  const b = BENCHES[name]!;
  console.log(`\n=== ${name}: ${b.about}\n`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(HERE, b.file), ...b.args], { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`${name} failed (exit ${r.status ?? r.signal})`);
    failed++;
  }
}
process.exit(failed ? 1 : 0);
