import { spawn, type ChildProcess } from 'node:child_process';
import { request, Agent } from 'node:http';
import { join } from 'node:path';
import pg from 'pg';
import { ROOT } from '../helpers/app.js';
import { PG_URL } from '../helpers/db.js';

/** The real server process (src/main.ts), as the durability and multi-instance tests run it. */
export interface Server {
  child: ChildProcess;
  port: number;
  exited: Promise<number | null>;
  output(): string;
}

export async function startServer(env: Record<string, string>): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/main.ts')], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', CONG_STATS_RATE_LIMIT: '0', DATABASE_URL: '', REDIS_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start:\n${out}`)), 60_000);
    void exited.then((code) => reject(new Error(`the server exited (${code}):\n${out}`)));
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /trang mặc định: http:\/\/localhost:(\d+)\//.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
  });
  return { child, port, exited, output: () => out };
}

const agent = new Agent({ keepAlive: true, maxSockets: 32 });

/** A small HTTP client (the default site answers on 127.0.0.1). */
export function call(port: number, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request({ host: '127.0.0.1', port, method, path, agent, headers: { ...(payload ? { 'content-type': 'application/json' } : {}), ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(payload);
  });
}

/** A page view of visitor i (visitors differ by browser, since every request comes from 127.0.0.1). */
export function visit(port: number, i: number) {
  const ua = `Mozilla/5.0 (Linux; Android 12; Visitor ${i}) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36`;
  return call(port, 'POST', '/thong-ke/ghi', { r: 'https://zalo.me/' }, { 'user-agent': ua, referer: `http://127.0.0.1:${port}/` });
}

export async function live(port: number): Promise<{ total: number; online: number; today: number }> {
  return JSON.parse((await call(port, 'GET', '/thong-ke/so-lieu')).body);
}

/** Runs `fn` over 0…n-1 with at most `width` at a time. */
export async function pool(n: number, width: number, fn: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < n) await fn(next++);
  }));
}

/**
 * A fresh PostgreSQL database for server processes (which take only DATABASE_URL): a database
 * rather than a schema, because the migrator looks for its tables in the default schema.
 */
export async function pgDatabaseUrl(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `cong_proc_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 5000 });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(PG_URL);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
