import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpuSeconds } from './servers.js';

/**
 * The load generator: wrk (C, epoll, one thread per core), which loads nginx several times past
 * what one Node process can answer; autocannon, in one Node process, could not. Each run reads
 * back the JSON line bench/wrk-report.lua prints.
 */
export const WRK = '/usr/bin/wrk';
const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), 'wrk-report.lua');

export function wrkVersion(): string {
  if (!existsSync(WRK)) {
    throw new Error(`${WRK} not found. The page benchmark drives its load with wrk: apt-get install wrk (Debian package), then run it again.`);
  }
  // wrk -v prints its banner and usage, and exits 1.
  const out = spawnSync(WRK, ['-v'], { encoding: 'utf8' });
  return (out.stdout + out.stderr).split('\n')[0]!.replace(/ Copyright.*$/, '').trim();
}

export interface WrkSpec {
  url: string;
  headers: Record<string, string>;
  threads: number;
  connections: number;
  seconds: number;
  /** A response slower than this is a timeout error (wrk's default is 2 s). */
  timeoutSeconds?: number;
  /** Count answers by status (costs wrk some CPU per response). */
  statuses?: boolean;
  /** Give each request its own X-Forwarded-For address (for routes limited per address). */
  spreadIps?: boolean;
  /** Ask each "host<TAB>path" line of this file once, instead of `url`'s path. */
  urlsFile?: string;
  /** The server's processes, whose CPU time is measured over the run. */
  serverPids: number[];
}

export interface WrkResult {
  requests: number;
  seconds: number;
  rps: number;
  /** Bytes read (headers and body) per response. */
  bytesPerResponse: number;
  /** Latency in ms. */
  p50: number;
  p99: number;
  max: number;
  errors: { connect: number; read: number; write: number; timeout: number; status: number };
  /** Answers by status code, when counted. */
  statuses: Record<string, number>;
  /** With a URL list: requests issued, and whether a thread ran out of URLs before the end. */
  sent: number;
  ranOut: boolean;
  /** Share of one core used by wrk, by the server, and by everything else on the machine over the run. */
  wrkCpu: number;
  serverCpu: number;
  otherCpu: number;
  /**
   * Server CPU time per answer, in µs: unlike req/s it hardly depends on who else used the cores
   * (wrk, other work on the machine), so it compares rows measured in different conditions.
   */
  serverUsPerRequest: number;
}

interface WrkJson {
  requests: number;
  bytes: number;
  durationUs: number;
  errors: WrkResult['errors'];
  latencyUs: { p50: number; p90: number; p99: number; max: number; mean: number };
  statuses: Record<string, number>;
  sent: number;
  threadsExhausted: number;
}

/** CPU seconds of this process's children that have exited and been reaped (wrk, once done). */
function reapedChildrenCpu(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(f[13]) + Number(f[14])) / 100;
}

/** Busy CPU seconds of the whole machine since boot, all cores (USER_HZ is 100). */
function machineBusyCpu(): number {
  const [, user, nice, system, , , irq, softirq, steal] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).map(Number);
  return (user! + nice! + system! + irq! + softirq! + steal!) / 100;
}

const ms = (us: number) => Math.round(us / 10) / 100;

export async function runWrk(spec: WrkSpec): Promise<WrkResult> {
  const args = ['-t', String(spec.threads), '-c', String(spec.connections), '-d', `${spec.seconds}s`, '--timeout', `${spec.timeoutSeconds ?? 2}s`, '-s', SCRIPT];
  // wrk adds its own "Host" unless one is given under exactly that name: "host" would make two.
  for (const [k, v] of Object.entries(spec.headers)) args.push('-H', `${k.replace(/(^|-)([a-z])/g, (_, d: string, c: string) => d + c.toUpperCase())}: ${v}`);
  args.push(spec.url, '--');
  if (spec.statuses) args.push('statuses');
  if (spec.spreadIps) args.push('spread-ips');
  if (spec.urlsFile) args.push('urls', spec.urlsFile, String(spec.threads));

  const server0 = spec.serverPids.reduce((s, pid) => s + cpuSeconds(pid), 0);
  const client0 = reapedChildrenCpu();
  const machine0 = machineBusyCpu();
  const wall0 = process.hrtime.bigint();
  const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(WRK, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    // 'close' comes after the exit has been reaped, so wrk's CPU time is in our children's total.
    child.on('close', (c) => resolve({ code: c, stdout, stderr }));
  });
  const wall = Number(process.hrtime.bigint() - wall0) / 1e9;
  const client = reapedChildrenCpu() - client0;
  const server = spec.serverPids.reduce((s, pid) => s + cpuSeconds(pid), 0) - server0;
  // Other engineers' tests, a browser…: what the machine did besides this row.
  const other = Math.max(0, machineBusyCpu() - machine0 - server - client);

  const line = stdout.split('\n').find((l) => l.startsWith('WRK_JSON '));
  if (code !== 0 || !line) throw new Error(`wrk ${args.join(' ')} failed (exit ${code}): ${stderr.trim() || stdout.trim()}`);
  const j = JSON.parse(line.slice('WRK_JSON '.length)) as WrkJson;
  const seconds = j.durationUs / 1e6;
  return {
    requests: j.requests,
    seconds,
    rps: Math.round(j.requests / seconds),
    bytesPerResponse: j.requests ? Math.round(j.bytes / j.requests) : 0,
    p50: ms(j.latencyUs.p50),
    p99: ms(j.latencyUs.p99),
    max: ms(j.latencyUs.max),
    errors: j.errors,
    statuses: j.statuses,
    sent: j.sent,
    ranOut: j.threadsExhausted > 0,
    wrkCpu: Math.round((client / wall) * 100) / 100,
    serverCpu: Math.round((server / wall) * 100) / 100,
    otherCpu: Math.round((other / wall) * 100) / 100,
    serverUsPerRequest: j.requests ? Math.round((server / j.requests) * 1e6) : NaN,
  };
}

/** Socket errors and timeouts, which no row may have. */
export function socketProblems(r: WrkResult): string[] {
  const p: string[] = [];
  if (r.requests === 0) p.push('no responses');
  for (const [kind, n] of Object.entries(r.errors)) if (kind !== 'status' && n) p.push(`${n} ${kind} errors`);
  return p;
}
