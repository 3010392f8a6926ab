/**
 * Beacon benchmark: how many page-view beacons per second the server absorbs with every hit
 * counted, the p99 latency, and the memory after 1M hits spread over 100k visitors.
 *
 *   node --import tsx bench/beacon.ts [--hits 1000000] [--visitors 100000] [--connections 64]
 *                                     [--pg] [--redis] [--built]
 *
 * The server is the real process (src/main.ts: config → migrate → listen), on a fresh database,
 * behind autocannon in this process: on a 2-core machine each gets a core, as nginx and the app
 * would. It runs through tsx unless --built (dist/src/main.js after `npm run build`): tsx only
 * transpiles each module once at start, the code that serves the hits is the same. Hits come
 * "through a proxy" (CONG_TRUST_PROXY, X-Forwarded-For), so each visitor has its own address and
 * the per-address rate limit stays on, as in production. After the run the database totals are
 * compared with the 2xx answers: the rate only counts if every hit was counted.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { PRODUCTION_ENV, PRODUCTION_NODE_ARGS } from './servers.js';
import { connect } from '../src/kernel/db/connection.js';

const ROOT = resolve(import.meta.dirname, '..');
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const flag = (name: string) => process.argv.includes(`--${name}`);
const HITS = arg('hits', 1_000_000);
const VISITORS = arg('visitors', 100_000);
const CONNECTIONS = arg('connections', 64);
const PG_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

const UAS = [
  'Mozilla/5.0 (Linux; Android 10; SM-A105F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36',
];

async function database(): Promise<{ url: string | null; drop(): Promise<void> }> {
  if (!flag('pg')) return { url: null, drop: async () => undefined };
  const name = `cong_bench_${process.pid}`;
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  await c.query(`create database ${name}`);
  await c.end();
  const u = new URL(PG_URL);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const d = new pg.Client({ connectionString: PG_URL });
      await d.connect();
      await d.query(`drop database if exists ${name} with (force)`);
      await d.end();
    },
  };
}

/** CPU seconds the process has used so far: in the program and in the kernel (system calls). */
function cpuTimes(pid: number): { user: number; system: number } {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return { user: Number(f[11]) / 100, system: Number(f[12]) / 100 };
}

function rssMb(pid: number): { rss: number; peak: number } {
  const s = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (k: string) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(s)?.[1] ?? 0) / 1024;
  return { rss: Math.round(kb('VmRSS')), peak: Math.round(kb('VmHWM')) };
}

const dataDir = mkdtempSync(join(tmpdir(), 'cong-bench-beacon-'));
const db = await database();
const built = flag('built') && existsSync(join(ROOT, 'dist/src/main.js'));
const prefix = `congbench:${process.pid}:`;
// BENCH_NODE_ARGS passes flags to the server's node (e.g. --cpu-prof) when looking into a result.
const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
const server = spawn(process.execPath, [...PRODUCTION_NODE_ARGS, ...nodeArgs, ...(built ? [join(ROOT, 'dist/src/main.js')] : ['--import', 'tsx', join(ROOT, 'src/main.ts')])], {
  cwd: ROOT,
  env: { ...process.env, ...PRODUCTION_ENV, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', CONG_DATA_DIR: dataDir, DATABASE_URL: db.url ?? '', CONG_TRUST_PROXY: 'true', REDIS_URL: flag('redis') ? 'redis://127.0.0.1:6379' : '', CONG_REDIS_PREFIX: prefix },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const port = await new Promise<number>((ok, fail) => {
  let out = '';
  server.stdout!.on('data', (d) => {
    out += d;
    const m = /trang mặc định: http:\/\/localhost:(\d+)\//.exec(out);
    if (m) ok(Number(m[1]));
  });
  server.on('exit', (code) => fail(new Error(`server exited ${code}`)));
});

const bodies = [JSON.stringify({ a: 1 }), JSON.stringify({ r: 'https://www.google.com.vn/' }), JSON.stringify({}), JSON.stringify({ a: 2, r: 'https://zalo.me/' })];
let n = 0;
console.log(`Beacon benchmark: ${HITS.toLocaleString('vi-VN')} hits, ${VISITORS.toLocaleString('vi-VN')} visitors, ${CONNECTIONS} connections, ${db.url ? 'PostgreSQL' : 'SQLite'}${flag('redis') ? ' + Redis' : ''}, server via ${built ? 'dist (built)' : 'tsx'}…`);
const started = Date.now();
const cpuBefore = cpuTimes(server.pid!);
const result = await autocannon({
  url: `http://127.0.0.1:${port}`,
  connections: CONNECTIONS,
  amount: HITS,
  timeout: 20,
  requests: [
    {
      method: 'POST',
      path: '/thong-ke/ghi',
      setupRequest: (req: Record<string, unknown>) => {
        const v = n++ % VISITORS;
        req.headers = {
          host: 'namhonglinh.localhost',
          'content-type': 'application/json',
          'user-agent': UAS[v % 3]!,
          'x-forwarded-for': `10.${(v >> 16) & 255}.${(v >> 8) & 255}.${v & 255}`,
        };
        req.body = bodies[n % 4];
        return req;
      },
    },
  ],
} as never);
const seconds = (Date.now() - started) / 1000;
const cpuAfter = cpuTimes(server.pid!);
const serverUser = cpuAfter.user - cpuBefore.user;
const serverSystem = cpuAfter.system - cpuBefore.system;
const serverCpu = serverUser + serverSystem;
const peakDuringRun = rssMb(server.pid!);
const ok = result.requests.sent - result.non2xx - result.errors - result.timeouts;

// Every answered hit must reach the database (flushed within a second).
const handle = connect({ databaseUrl: db.url, dataDir });
const stored = async () => {
  const pv = await handle.db.selectFrom('site_stats').select('page_views').where('site_id', '=', 1).executeTakeFirst();
  const uv = await handle.db.selectFrom('stats_daily').select((eb) => eb.fn.sum<string>('visitors').as('n')).where('site_id', '=', 1).executeTakeFirst();
  return { pageViews: Number(pv?.page_views ?? 0), visitors: Number(uv?.n ?? 0) };
};
let counted = await stored();
for (let i = 0; i < 50 && counted.pageViews < ok; i++) {
  await new Promise((r) => setTimeout(r, 200));
  counted = await stored();
}
const liveNumbers = await fetch(`http://127.0.0.1:${port}/thong-ke/so-lieu`, { headers: { 'x-forwarded-for': '192.0.2.1' } }).then((r) => r.json() as Promise<{ online: number }>);
const right = rssMb(server.pid!);
// Then idle, as a server between bursts: V8 gives back the heap it grew under load over the
// following seconds (its "memory reducer"); sampled for half a minute.
const settle: number[] = [];
for (let i = 0; i < 6; i++) {
  await new Promise((r) => setTimeout(r, 5000));
  settle.push(rssMb(server.pid!).rss);
}
const mem = { rss: settle.at(-1)! };
server.kill('SIGTERM');
await new Promise((r) => server.on('exit', r));
await handle.close();
await db.drop();
rmSync(dataDir, { recursive: true, force: true });

const rate = Math.round(ok / seconds);
const exact = counted.pageViews === ok && counted.visitors === Math.min(VISITORS, HITS);
const rows: [string, string, string][] = [
  ['hits answered 2xx', ok.toLocaleString('vi-VN'), `of ${result.requests.sent.toLocaleString('vi-VN')} sent (non-2xx ${result.non2xx}, errors ${result.errors}, timeouts ${result.timeouts})`],
  ['hits/s absorbed', rate.toLocaleString('vi-VN'), `target ≥ 10.000 — ${rate >= 10_000 ? 'met' : 'NOT met'} (server and load generator share ${cpus().length} cores)`],
  ['server CPU per hit', `${Math.round((serverCpu * 1e6) / ok)} µs`, `${Math.round((serverUser * 1e6) / ok)} µs in the program, ${Math.round((serverSystem * 1e6) / ok)} µs in the kernel; ≈ ${Math.round(ok / serverCpu).toLocaleString('vi-VN')} hits/s per fully used core`],
  ['latency p50 / p99', `${result.latency.p50} / ${result.latency.p99} ms`, `max ${result.latency.max} ms`],
  ['page views in the database', counted.pageViews.toLocaleString('vi-VN'), exact ? 'exact' : 'MISMATCH'],
  ['distinct visitors in the database', counted.visitors.toLocaleString('vi-VN'), `expected ${Math.min(VISITORS, HITS).toLocaleString('vi-VN')}`],
  ['online now (5 min window)', liveNumbers.online.toLocaleString('vi-VN'), 'bounded by the visitors of the window'],
  ['server RSS at the end of the run', `${right.rss} MB`, `peak ${peakDuringRun.peak} MB`],
  ['server RSS 30 s after the run', `${mem.rss} MB`, `every 5 s: ${settle.join(', ')} MB; target < 200 MB — ${mem.rss < 200 ? 'met' : 'NOT met'}`],
];
const w = [Math.max(...rows.map((r) => r[0].length)), Math.max(...rows.map((r) => r[1].length))];
console.log(`\n| ${'measure'.padEnd(w[0]!)} | ${'value'.padEnd(w[1]!)} | note`);
console.log(`|${'-'.repeat(w[0]! + 2)}|${'-'.repeat(w[1]! + 2)}|------`);
for (const [a, b, c] of rows) console.log(`| ${a.padEnd(w[0]!)} | ${b.padEnd(w[1]!)} | ${c}`);
process.exit(exact ? 0 : 1);
