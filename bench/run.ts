/**
 * npm run bench — the article page served by Cổng against nginx serving the same gzip bytes from
 * disk, both with one process, under the same load. See README "Development".
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { runLoad, runProblems, type LoadResult } from './load.js';
import { NGINX_WORKERS, nginxVersion, startNginx } from './nginx.js';
import { evaluate, printSummary, runLine, summarize } from './report.js';
import { childPids, httpGet, killAllChildren, memoryMB, startCong, stopChild } from './servers.js';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const HOST = 'honglinh.localhost';
/** The demo's legacy URL; Cổng answers it with a 301 to the article's canonical path. */
const LEGACY = '/portal/pages/2021-10-15/x-614123.aspx';
const CONNECTIONS = 32;
const WARMUP_SECONDS = 3;
const ROUNDS = 2;
const SECONDS = Number(process.env.BENCH_SECONDS || 10);

let tmp: string | null = null;
function cleanup(): void {
  killAllChildren();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
  tmp = null;
}
process.on('exit', cleanup);
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    console.error(`\n${sig}: stopping the servers.`);
    cleanup();
    process.exit(130);
  });
}

function ensureBuilt(): void {
  if (existsSync(join(REPO, 'dist/src/main.js'))) return;
  console.log('dist/src/main.js is missing: npm run build');
  const r = spawnSync('npm', ['run', 'build'], { cwd: REPO, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('npm run build failed');
}

/** Follows the legacy URL and saves the page as Cổng sends it, plain and gzip. */
async function saveArticle(port: number, www: string) {
  const moved = await httpGet(port, LEGACY, { host: HOST });
  const location = moved.headers.location;
  if (moved.status !== 301 || typeof location !== 'string') throw new Error(`${LEGACY}: expected 301 with Location, got ${moved.status}`);
  const path = new URL(location, `http://${HOST}`).pathname;

  const plain = await httpGet(port, path, { host: HOST });
  const gz = await httpGet(port, path, { host: HOST, 'accept-encoding': 'gzip' });
  if (plain.status !== 200 || plain.headers['content-encoding']) throw new Error(`${path}: expected a plain 200, got ${plain.status}`);
  if (gz.status !== 200 || gz.headers['content-encoding'] !== 'gzip') throw new Error(`${path}: expected a gzip 200, got ${gz.status} ${gz.headers['content-encoding']}`);
  if (!gunzipSync(gz.body).equals(plain.body)) throw new Error(`${path}: the gzip body does not decompress to the plain one`);

  mkdirSync(www, { recursive: true });
  writeFileSync(join(www, 'article.html'), plain.body);
  writeFileSync(join(www, 'article.html.gz'), gz.body);
  return { path, identityBytes: plain.body.length, gzip: gz.body };
}

async function main(): Promise<void> {
  if (!Number.isFinite(SECONDS) || SECONDS < 1) throw new Error(`BENCH_SECONDS must be a number ≥ 1, got "${process.env.BENCH_SECONDS}"`);
  const nginxVer = nginxVersion();
  ensureBuilt();
  // Other work on the machine (a test suite, a browser) takes cores from both sides: say so.
  const loadBefore = loadavg()[0]!;
  if (loadBefore > 1) console.log(`Note: load average ${loadBefore.toFixed(2)} before starting; other processes will add noise.`);
  const dir = (tmp = mkdtempSync(join(tmpdir(), 'cong-bench-')));

  const cong = await startCong(REPO, join(dir, 'data'), HOST);
  const article = await saveArticle(cong.port, join(dir, 'www'));
  const nginx = await startNginx({ tmp: dir, www: join(dir, 'www'), path: article.path, host: HOST, gzip: article.gzip });
  // The worker does the serving; the master only waits.
  const nginxPids = [nginx.child.pid!, ...childPids(nginx.child.pid!)];

  console.log(`Article ${article.path}`);
  console.log(`  ${article.identityBytes} bytes, ${article.gzip.length} gzip; nginx serves the same gzip bytes (gzip_static), checked.`);
  console.log(`${nginxVer}: worker_processes ${NGINX_WORKERS}, to match Cổng's one Node process.`);
  console.log(`Load: autocannon in this process, ${CONNECTIONS} connections, pipelining 1, Accept-Encoding: gzip, ` +
    `${WARMUP_SECONDS} s warm-up (discarded) + ${SECONDS} s measured per run, ${ROUNDS} rounds, alternating. ${cpus().length} CPUs.\n`);

  const sides: { name: 'nginx' | 'cong'; label: string; port: number; pids: number[] }[] = [
    { name: 'nginx', label: 'nginx', port: nginx.port, pids: nginxPids },
    { name: 'cong', label: 'Cổng', port: cong.port, pids: [cong.child.pid!] },
  ];
  const results: Record<'nginx' | 'cong', LoadResult[]> = { nginx: [], cong: [] };
  for (let round = 1; round <= ROUNDS; round++) {
    for (const side of sides) {
      const r = await runLoad({
        port: side.port,
        path: article.path,
        headers: { host: HOST, 'accept-encoding': 'gzip' },
        connections: CONNECTIONS,
        seconds: SECONDS,
        warmupSeconds: WARMUP_SECONDS,
        gzipBytes: article.gzip.length,
        serverPids: side.pids,
      });
      console.log(runLine(side.label, round, r));
      const problem = runProblems(r);
      if (problem) throw new Error(`${side.label} round ${round} is not valid: ${problem}`);
      results[side.name].push(r);
    }
  }

  const memory = memoryMB(cong.child.pid!);
  const nginxMemory = nginxPids.reduce((s, pid) => s + memoryMB(pid).rss, 0);
  const summary = { nginx: summarize(results.nginx), cong: summarize(results.cong) };
  const targets = evaluate(summary.nginx, summary.cong, memory.rss);
  printSummary(summary.nginx, summary.cong, targets, memory);
  const loadAfter = loadavg()[0]!;
  console.log(`(nginx master + worker RSS: ${nginxMemory.toFixed(1)} MB)`);

  const out = join(REPO, 'artifacts/bench/page.json');
  mkdirSync(dirname(out), { recursive: true });
  const report = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, node: process.version, nginx: nginxVer, loadavg1m: { before: loadBefore, after: loadAfter } },
    settings: { connections: CONNECTIONS, pipelining: 1, warmupSeconds: WARMUP_SECONDS, seconds: SECONDS, rounds: ROUNDS, nginxWorkers: NGINX_WORKERS, host: HOST },
    article: { path: article.path, identityBytes: article.identityBytes, gzipBytes: article.gzip.length },
    runs: results,
    summary: { ...summary, ratio: { median: summary.cong.rps.median / summary.nginx.rps.median, best: summary.cong.rps.best / summary.nginx.rps.best } },
    targets,
    memoryMB: { cong: memory, nginxRss: nginxMemory },
  };
  writeFileSync(out, JSON.stringify(report, null, 2) + '\n');
  console.log(`\nWrote ${out}`);

  await Promise.all([stopChild(cong.child), stopChild(nginx.child)]);
}

main().then(
  () => cleanup(),
  (err: unknown) => {
    console.error(`\nbench failed: ${err instanceof Error ? err.message : String(err)}`);
    cleanup();
    process.exitCode = 1;
  },
);
