import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Child processes, ports, raw HTTP and /proc readings shared by the bench. Every child is
 * registered so that any way out of the bench (normal end, error, Ctrl-C) stops it.
 */
const children = new Set<ChildProcess>();
const stopping = new WeakSet<ChildProcess>();

export function spawnChild(name: string, cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv }): ChildProcess {
  const child = spawn(cmd, args, { ...opts, stdio: ['ignore', 'ignore', 'pipe'] });
  children.add(child);
  // Warnings and errors of the servers stay visible, prefixed with who said them.
  child.stderr!.on('data', (d: Buffer) => {
    for (const line of d.toString().split('\n')) if (line.trim()) process.stderr.write(`[${name}] ${line}\n`);
  });
  child.on('exit', (code, signal) => {
    children.delete(child);
    // Another process on the machine may stop ours (a broad pkill): say so where it happens.
    if (!stopping.has(child)) process.stderr.write(`[${name}] exited on its own (code ${code}, signal ${signal})\n`);
  });
  return child;
}

/** SIGTERM (both Node's graceful shutdown and nginx's fast shutdown), SIGKILL if still alive after 5 s. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  stopping.add(child);
  child.kill('SIGTERM');
  const t = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(t);
}

/** Synchronous last resort, safe in an 'exit' handler. */
export function killAllChildren(): void {
  for (const c of children) {
    stopping.add(c);
    c.kill('SIGTERM');
  }
}

/** A port that was free a moment ago on 127.0.0.1 (the kernel picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** Header names and values in the order and case sent. */
  rawHeaders: string[];
  /** The bytes as sent: node:http, unlike fetch, does not decompress. */
  body: Buffer;
  /** Status line, headers and body as they came over the wire: what wrk counts per response. */
  wireBytes: number;
}

/**
 * One GET on a keep-alive connection, as wrk's requests are (so the answer carries the same
 * Connection and Keep-Alive headers as theirs).
 */
export function httpGet(port: number, path: string, headers: Record<string, string>): Promise<RawResponse> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  return new Promise<RawResponse>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        let wire = Buffer.byteLength(`HTTP/${res.httpVersion} ${res.statusCode} ${res.statusMessage}\r\n\r\n`) + body.length;
        for (let i = 0; i < res.rawHeaders.length; i += 2) wire += Buffer.byteLength(`${res.rawHeaders[i]}: ${res.rawHeaders[i + 1]}\r\n`);
        resolve({ status: res.statusCode!, headers: res.headers, rawHeaders: res.rawHeaders, body, wireBytes: wire });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.setTimeout(10_000, () => req.destroy(new Error(`GET ${path}: no answer in 10 s`)));
    req.end();
  }).finally(() => agent.destroy());
}

/** Polls until the server answers anything at all; fails early if the child dies. */
export async function waitForHttp(child: ChildProcess, port: number, headers: Record<string, string>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`server exited (code ${child.exitCode}, signal ${child.signalCode}) before answering`);
    }
    try {
      await httpGet(port, '/', headers);
      return;
    } catch {
      if (Date.now() > deadline) throw new Error(`no answer on port ${port} after ${timeoutMs / 1000} s`);
      await sleep(100);
    }
  }
}

/**
 * How production runs the server (package.json "serve", which `npm start` runs): a smaller young
 * generation and two malloc arenas keep the resident memory of a busy server lower at the same
 * throughput. The benchmarks measure the server as it is run; test/config.test.ts keeps the two equal.
 */
export const PRODUCTION_NODE_ARGS = ['--max-semi-space-size=4', '--heap-growing-percent=20'];
export const PRODUCTION_ENV = { MALLOC_ARENA_MAX: '2' };

export interface CongServer {
  child: ChildProcess;
  port: number;
  /** The processes that answer requests: the workers when the server forked some, else itself. */
  workers: number[];
  /** Every process of the server (with a cluster's primary), for CPU time. */
  pids: number[];
}

/**
 * The environment a bench runs Cổng in, on `dataDir`: production settings, quiet logs.
 * NODE_ENV=production serves only configured hosts (the demo's namhonglinh.localhost is one) and
 * loads no demo content unless asked: the benchmarks ask.
 */
export function congEnv(dataDir: string): NodeJS.ProcessEnv {
  return { ...process.env, ...PRODUCTION_ENV, NODE_ENV: 'production', CONG_DEMO: 'true', LOG_LEVEL: 'warn', HOST: '127.0.0.1', CONG_DATA_DIR: dataDir };
}

/**
 * Starts the built server the way `npm run serve` does, on `dataDir` (a fresh one gets the
 * demo sites). `env` adds settings (CONG_WORKERS, CONG_PAGE_CACHE_SECONDS…).
 */
export async function startCong(repo: string, dataDir: string, host: string, env: Record<string, string> = {}): Promise<CongServer> {
  const port = await freePort();
  const all = { ...congEnv(dataDir), PORT: String(port), ...env };
  // dist/src/main.js under another name: on a shared machine, something stops every process whose
  // command line holds "dist/src/main.js" (a broad pkill in someone's cleanup), ours included.
  // Node runs the real file (it resolves the link), so nothing else changes.
  const entry = join(dirname(dataDir), 'cong-server.js');
  if (!existsSync(entry)) symlinkSync(join(repo, 'dist/src/main.js'), entry);
  const child = spawnChild('cong', process.execPath, [...PRODUCTION_NODE_ARGS, entry], { cwd: repo, env: all });
  // A fresh directory means migrations plus demo seeding before the first answer.
  await waitForHttp(child, port, { host });
  const wanted = Number(env.CONG_WORKERS ?? 1);
  const workers = await settledChildren(child.pid!, wanted > 1 ? wanted : 0);
  return { child, port, workers: workers.length ? workers : [child.pid!], pids: [child.pid!, ...workers] };
}

/** Stops a server; workers a cluster's primary left behind are stopped too. */
export async function stopCong(server: CongServer): Promise<void> {
  await stopChild(server.child);
  for (const pid of server.workers) {
    if (pid === server.child.pid) continue;
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // Already gone, as it should be.
    }
  }
}

/**
 * The children of a server that just answered its first request: a cluster's workers may still
 * be starting, so wait (up to 10 s) for the number asked for, then take what there is.
 */
export async function settledChildren(pid: number, wanted: number): Promise<number[]> {
  const deadline = Date.now() + 10_000;
  let found = childPids(pid);
  while (found.length < wanted && Date.now() < deadline) {
    await sleep(200);
    found = childPids(pid);
  }
  return found;
}

/** VmRSS and VmHWM (peak) of a process, in MB. */
export function memoryMB(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

/** User + system CPU time of a process in seconds (USER_HZ is 100 on Linux). */
export function cpuSeconds(pid: number): number {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    throw new Error(`server process ${pid} has ended during the run (see its exit above): its figures would mean nothing`);
  }
  // Fields after the parenthesised command name, which may itself contain spaces.
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) / 100;
}

/** Direct children of a process (nginx's worker), found by scanning /proc. */
export function childPids(ppid: number): number[] {
  const out: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(join('/proc', name, 'stat'), 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === ppid) out.push(Number(name));
    } catch {
      // The process ended while we looked.
    }
  }
  return out;
}
