import type { Row, RowKey } from './report.js';
import { setTimeout as sleep } from 'node:timers/promises';
import { cpuSeconds, memoryMB } from './servers.js';
import { runWrk, socketProblems, type WrkResult, type WrkSpec } from './wrk.js';

/** wrk's settings for every row: one thread per core, 32 connections, Accept-Encoding: gzip. */
export const THREADS = 2;
export const CONNECTIONS = 32;
export const WARMUP_SECONDS = 3;
/**
 * wrk leaves answers slower than its timeout out of the latencies (counting them as errors):
 * generous, so that a slow row (the miss path on a busy machine) is measured, not dropped.
 */
const TIMEOUT_SECONDS = 10;
/**
 * Other work on the machine (another process, the host taking the virtual cores) above this
 * share of a core during a row, and the row is measured again, at most REMEASURES times.
 */
const MAX_OTHER_CPU = 0.25;
const REMEASURES = 2;

/** What a row's answers must be for its figure to mean anything. */
export type Expect =
  /** 200s of exactly the probed response (checked by status and by bytes per response). */
  | { kind: 'same-bytes'; wireBytes: number }
  /** This status only (counted one by one). `allow200` tolerates that many 200s (a rate limit's window reopening). */
  | { kind: 'status'; status: number; allow200?: number }
  /** 200s only, counted one by one (the crawl's pages differ in size). */
  | { kind: 'all-200' };

export interface RowSpec {
  key: RowKey;
  label: string;
  port: number;
  path: string;
  host: string;
  /** The server's processes (CPU time) and the ones that answer (RSS). */
  pids: number[];
  workers: number[];
  expect: Expect;
  seconds: number;
  /** A URL list for the warm-up instead of the row's own requests (the crawl: other sites' pages). */
  warmupUrlsFile?: string;
  connections?: number;
  spreadIps?: boolean;
  urlsFile?: string;
  notes?: string[];
}

const BYTES_TOLERANCE = 0.01;

/** Why the answers do not match what the row expects (a broken setup), or null. */
function wrongAnswers(r: WrkResult, expect: Expect): string | null {
  const counts = Object.entries(r.statuses).map(([code, n]) => `${n} × ${code}`).join(', ');
  switch (expect.kind) {
    case 'same-bytes': {
      if (!r.requests) return null;
      if (r.errors.status) return `${r.errors.status} answers had a status ≥ 400 where 200 was expected`;
      const off = Math.abs(r.bytesPerResponse - expect.wireBytes) / expect.wireBytes;
      if (off > BYTES_TOLERANCE) {
        return `answers averaged ${r.bytesPerResponse} bytes where the probed 200 is ${expect.wireBytes}: not the same response (a redirect, another page?)`;
      }
      return null;
    }
    case 'status': {
      const other = Object.entries(r.statuses).filter(([code]) => Number(code) !== expect.status);
      const tolerated = other.length === 1 && other[0]![0] === '200' && other[0]![1] <= (expect.allow200 ?? 0);
      return other.length && !tolerated ? `expected only ${expect.status} answers, got ${counts}` : null;
    }
    case 'all-200': {
      const other = Object.keys(r.statuses).filter((code) => code !== '200');
      return other.length ? `expected only 200 answers, got ${counts}` : null;
    }
  }
}

/** A discarded warm-up, the measured run, its checks and the servers' memory. */
export async function measureRow(spec: RowSpec): Promise<Row> {
  const connections = spec.connections ?? CONNECTIONS;
  const wrkSpec: WrkSpec = {
    url: `http://127.0.0.1:${spec.port}${spec.path}`,
    headers: { host: spec.host, 'accept-encoding': 'gzip' },
    threads: THREADS,
    connections,
    seconds: spec.seconds,
    timeoutSeconds: TIMEOUT_SECONDS,
    statuses: spec.expect.kind !== 'same-bytes',
    serverPids: spec.pids,
    ...(spec.spreadIps ? { spreadIps: true } : {}),
    ...(spec.urlsFile ? { urlsFile: spec.urlsFile } : {}),
  };
  if (spec.warmupUrlsFile) {
    const warmup = await runWrk({ ...wrkSpec, seconds: WARMUP_SECONDS, urlsFile: spec.warmupUrlsFile });
    const problem = wrongAnswers(warmup, { kind: 'all-200' });
    if (problem) throw new Error(`${spec.label}, warm-up: ${problem}`);
  } else {
    await runWrk({ ...wrkSpec, seconds: WARMUP_SECONDS });
  }
  await untilIdle(spec.pids);
  let result = await runWrk(wrkSpec);
  // A run during which other work took the cores measured that work too: run it again, up to
  // twice, and say so. Not the crawl: its URLs are asked once, so a second run would not be cold.
  const disturbed: number[] = [];
  while (!spec.urlsFile && result.otherCpu > MAX_OTHER_CPU && disturbed.length < REMEASURES) {
    disturbed.push(result.otherCpu);
    console.log(`  ${spec.label}: other work took ${Math.round(result.otherCpu * 100)}% of a core during the run; measuring again`);
    await untilIdle(spec.pids);
    result = await runWrk(wrkSpec);
  }

  const broken = [...socketProblems(result).filter((p) => !p.includes('timeout')), wrongAnswers(result, spec.expect)].filter(Boolean);
  if (broken.length) throw new Error(`${spec.label}: ${broken.join('; ')}`);
  const notes = [...(spec.notes ?? [])];
  if (disturbed.length) {
    notes.push(`measured ${disturbed.length + 1} times: other work on the machine took ${disturbed.map((c) => `${Math.round(c * 100)}%`).join(', ')} of a core during the earlier runs`);
  }
  if (result.errors.timeout) notes.push(`${num(result.errors.timeout)} requests timed out (> ${wrkSpec.timeoutSeconds} s) and are not in the latencies`);
  const extra200 = spec.expect.kind === 'status' ? result.statuses['200'] : undefined;
  if (extra200) notes.push(`${extra200} answers were 200: the rate limit's window reopened during the run`);
  if (spec.urlsFile) notes.push(`${num(result.sent)} URLs asked in the ${result.seconds.toFixed(1)} s, none twice`);
  if (result.ranOut) notes.push(`the URL list ran out before the end: ${num(result.sent)} URLs in ${result.seconds.toFixed(1)} s; renders/s is a floor`);

  const memory = spec.workers.map((pid) => memoryMB(pid));
  const rssMB = memory.map((m) => Math.round(m.rss * 10) / 10);
  const peakRssMB = memory.map((m) => Math.round(m.peak * 10) / 10);
  const row = { key: spec.key, label: spec.label, result, rssMB, peakRssMB, connections, notes };
  console.log(`  ${spec.label.padEnd(40)} ${num(result.rps).padStart(7)} req/s   p50 ${result.p50.toFixed(2)} ms   p99 ${result.p99.toFixed(2)} ms   ` +
    `RSS ${rssMB.map((m) => m.toFixed(0)).join(' + ')} MB   CPU server ${Math.round(result.serverCpu * 100)}% / wrk ${Math.round(result.wrkCpu * 100)}% / other ${Math.round(result.otherCpu * 100)}%`);
  return row;
}

const num = (x: number) => x.toLocaleString('en-US');

/**
 * One row from the same row measured in several fresh processes: the run with the median req/s
 * (the lower middle one of an even count), every run listed in a note and in `starts`. A Node
 * process settles at start into a faster or a slower state that it keeps for its life (this
 * machine: 19–24 or 27–33 µs of CPU for the same cache hit), so one start says little about the
 * next one.
 */
export function medianRow(runs: Row[]): Row {
  const sorted = [...runs].sort((a, b) => a.result.rps - b.result.rps);
  const middle = sorted[Math.floor((sorted.length - 1) / 2)]!;
  if (runs.length < 2) return middle;
  const each = runs.map((r) => `${num(r.result.rps)} req/s (${num(r.result.serverUsPerRequest)} µs)`).join(', ');
  return {
    ...middle,
    notes: [...middle.notes, `median of ${runs.length} fresh processes, in the order run: ${each}`],
    starts: runs.map((r) => ({ rps: r.result.rps, usPerRequest: r.result.serverUsPerRequest })),
  };
}

/**
 * Waits for the server to finish what the warm-up left in flight: a slow server (the miss path)
 * still renders the requests wrk gave up at the end of the warm-up, and the measured run would
 * queue behind them. Idle = under 10% of a core over 200 ms; gives up after 30 s.
 */
async function untilIdle(pids: number[]): Promise<void> {
  const deadline = Date.now() + 30_000;
  const cpu = () => pids.reduce((s, pid) => s + cpuSeconds(pid), 0);
  for (let before = cpu(); Date.now() < deadline; ) {
    await sleep(200);
    const now = cpu();
    if (now - before < 0.02) return;
    before = now;
  }
}
