import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { freePort } from '../../bench/servers.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { connect, type DatabaseHandle } from '../../src/kernel/db/connection.js';
import { ROOT } from './app.js';
import { PG_URL } from './db.js';

/**
 * The real server in real processes (`node --import tsx src/main.ts`) with CONG_WORKERS, on a
 * fresh SQLite directory or a fresh PostgreSQL database, with or without Redis. Every request is
 * logged (CONG_ACCESS_LOG) with the pid pino puts on each line: that is how a test knows which
 * worker answered, with nothing added to the responses.
 */
export interface ClusterOptions {
  workers?: number;
  postgres?: boolean;
  redisPrefix?: string | null;
  env?: Record<string, string>;
}

export const REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';

/** A port that was free a moment ago (the benchmarks' helper). */
export { freePort };

export class ClusterServer {
  out = '';
  private constructor(readonly child: ChildProcess, readonly port: number, readonly dataDir: string, readonly databaseUrl: string | null, private readonly dropDb: () => Promise<void>) {
    child.stdout!.on('data', (d) => (this.out += d));
    child.stderr!.on('data', (d) => (this.out += d));
  }

  static async start(o: ClusterOptions = {}): Promise<ClusterServer> {
    const dataDir = mkdtempSync(join(tmpdir(), 'cong-cluster-'));
    let databaseUrl: string | null = null;
    let dropDb: () => Promise<void> = async () => undefined;
    if (o.postgres) {
      const name = `cong_cluster_${randomBytes(5).toString('hex')}`;
      await adminQuery(`create database ${name}`);
      const url = new URL(PG_URL);
      url.pathname = `/${name}`;
      databaseUrl = url.toString();
      dropDb = () => adminQuery(`drop database if exists ${name} with (force)`);
    }
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/main.ts')], {
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        CONG_DATA_DIR: dataDir,
        DATABASE_URL: databaseUrl ?? '',
        REDIS_URL: o.redisPrefix ? REDIS_URL : '',
        CONG_REDIS_PREFIX: o.redisPrefix ?? '',
        CONG_WORKERS: String(o.workers ?? 2),
        CONG_ACCESS_LOG: 'true',
        CONG_TRUST_PROXY: 'true',
        LOG_LEVEL: 'info',
        ...o.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const server = new ClusterServer(child, port, dataDir, databaseUrl, dropDb);
    await server.waitFor(/Trang quản trị: http:\/\/localhost:\d+\/quan-tri/, 90_000);
    return server;
  }

  /** Resolves when the output matches `re` (or rejects, with the output, after `ms`). */
  waitFor(re: RegExp, ms: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const started = Date.now();
      const check = () => {
        if (re.test(this.out)) return resolve();
        if (Date.now() - started > ms || this.child.exitCode !== null) return reject(new Error(`no ${re} in:\n${this.out.slice(-3000)}`));
        setTimeout(check, 50);
      };
      check();
    });
  }

  /** The primary's live children (its workers), from /proc. */
  workerPids(): number[] {
    const pid = this.child.pid!;
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
    return children ? children.split(/\s+/).map(Number) : [];
  }

  /** The pid of the worker that logged the request for `url` (the access log's "incoming request"). */
  pidServing(url: string): number | null {
    for (const line of this.out.split('\n')) {
      if (!line.startsWith('{')) continue;
      const entry = JSON.parse(line) as { pid?: number; msg?: string; req?: { url?: string } };
      if (entry.msg === 'incoming request' && entry.req?.url === url) return entry.pid ?? null;
    }
    return null;
  }

  /** A database handle on the server's database (for reading what it wrote). */
  openDb(): DatabaseHandle {
    return connect({ databaseUrl: this.databaseUrl, dataDir: this.dataDir });
  }

  /** Sends `signal` to the primary; resolves with its exit code. */
  stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
    if (this.child.exitCode !== null) return Promise.resolve(this.child.exitCode);
    const exit = new Promise<number | null>((resolve) => this.child.once('exit', (code) => resolve(code)));
    this.child.kill(signal);
    return exit;
  }

  async cleanup(): Promise<void> {
    if (this.child.exitCode === null) {
      this.child.kill('SIGKILL');
      for (const pid of this.safeWorkerPids()) process.kill(pid, 'SIGKILL');
    }
    await this.dropDb();
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  private safeWorkerPids(): number[] {
    try {
      return this.workerPids();
    } catch {
      return [];
    }
  }
}

async function adminQuery(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One HTTP request (node:http, so that a keep-alive agent can hold a connection to one worker). */
export function request(port: number, o: { method?: string; path: string; headers?: Record<string, string>; body?: string; agent?: http.Agent; timeoutMs?: number }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: o.method ?? 'GET', path: o.path, headers: o.headers, agent: o.agent ?? false, timeout: o.timeoutMs ?? 20_000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.on('timeout', () => req.destroy(new Error('no answer in time')));
    req.end(o.body);
  });
}

/** A client whose one keep-alive connection stays with one worker (`pid`). */
export interface PinnedClient {
  agent: http.Agent;
  pid: number;
}

/** `perWorker` pinned clients per worker: new connections until each worker has them (the primary deals connections round-robin). */
export async function clientPerWorker(server: ClusterServer, workers: number, perWorker = 1): Promise<PinnedClient[]> {
  const byPid = new Map<number, PinnedClient[]>();
  const full = () => byPid.size === workers && [...byPid.values()].every((l) => l.length === perWorker);
  for (let attempt = 0; attempt < 20 * perWorker && !full(); attempt++) {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const probe = `/kiem-tra-ket-noi-${randomBytes(6).toString('hex')}`;
    await request(server.port, { path: probe, agent });
    const pid = await until(() => server.pidServing(probe));
    const list = byPid.get(pid) ?? [];
    if (list.length === perWorker) agent.destroy();
    else byPid.set(pid, [...list, { agent, pid }]);
  }
  return [...byPid.values()].flat();
}

/** Polls `f` until it returns a value (not null), for up to 5 s. */
export async function until<T>(f: () => T | null, ms = 5000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const v = f();
    if (v !== null) return v;
    if (Date.now() - started > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}


/** Waits until `f` is true, for up to `ms` (then returns, so that the caller's assertion says what is wrong). */
export async function eventually(f: () => Promise<boolean>, ms = 5000): Promise<void> {
  const started = Date.now();
  while (!(await f()) && Date.now() - started < ms) await new Promise((r) => setTimeout(r, 50));
}
