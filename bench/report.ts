import type { WrkResult } from './wrk.js';

/** One line of the page benchmark's table: one server, one kind of request, one wrk run. */
export interface Row {
  key: RowKey;
  label: string;
  result: WrkResult;
  /** RSS in MB of each process that answered (nginx's workers, the Node workers), after the run, and its peak. */
  rssMB: number[];
  peakRssMB: number[];
  /** Connections of the wrk run. */
  connections: number;
  notes: string[];
  /** For a row measured in several fresh processes (`medianRow`): each one's req/s and CPU µs per answer. */
  starts?: { rps: number; usPerRequest: number }[];
}

export type RowKey = 'nginx' | 'bare' | 'bare2' | 'bareApp' | 'hit1' | 'hit2' | 'miss' | 'notFound' | 'limited' | 'crawl';

export interface Target {
  name: string;
  value: string;
  /** null: no verdict (not measured, or not what the target is about). */
  pass: boolean | null;
  /** For a req/s ratio: the same ratio from server CPU time per answer, with its verdict. */
  byCpu?: string;
  note?: string;
}

const num = (x: number) => x.toLocaleString('en-US');
const ratio = (a: number, b: number | undefined) => (b ? a / b : NaN);
const fixed = (x: number, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : '–');
/** Two decimals, or two significant digits below 0.1 (the miss path is a small fraction of the hit). */
const share = (x: number) => (Number.isFinite(x) && x > 0 && x < 0.1 ? x.toPrecision(2) : fixed(x));
const maxOf = (xs: number[]) => (xs.length ? Math.max(...xs) : NaN);

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('   ')).join('\n');
}

export function printTable(rows: Row[]): void {
  const rps = (k: RowKey) => rows.find((r) => r.key === k)?.result.rps;
  const nginx = rps('nginx');
  const hit = rps('hit1');
  console.log(
    table([
      ['', 'req/s', '× nginx', '× hit', 'p50 ms', 'p99 ms', 'RSS MB', 'CPU µs/req', 'CPU server', 'CPU wrk', 'CPU other', 'conns'],
      ...rows.map((r) => [
        r.label,
        num(r.result.rps),
        share(ratio(r.result.rps, nginx)),
        share(ratio(r.result.rps, hit)),
        fixed(r.result.p50),
        fixed(r.result.p99),
        r.rssMB.map((m) => m.toFixed(0)).join(' + '),
        num(r.result.serverUsPerRequest),
        `${Math.round(r.result.serverCpu * 100)}%`,
        `${Math.round(r.result.wrkCpu * 100)}%`,
        `${Math.round(r.result.otherCpu * 100)}%`,
        String(r.connections),
      ]),
    ]),
  );
  for (const r of rows) for (const n of r.notes) console.log(`  ${r.label}: ${n}`);
}

/**
 * Whether wrk could have been what limited a row: nginx, serving the same bytes in the same
 * run, shows how many requests a second wrk can drive on this machine. A row within 80% of it
 * may be measuring wrk (and the cores it shares with the server), not the server.
 */
export function generatorCheck(rows: Row[]): string[] {
  const nginx = rows.find((r) => r.key === 'nginx');
  if (!nginx) return ['nginx was not measured: nothing shows that wrk was not the bottleneck.'];
  const others = rows.filter((r) => r !== nginx);
  const fastest = others.reduce((a, b) => (b.result.rps > a.result.rps ? b : a));
  const lines = [
    `wrk drove nginx to ${num(nginx.result.rps)} req/s (wrk ${Math.round(nginx.result.wrkCpu * 100)}% CPU, nginx ${Math.round(nginx.result.serverCpu * 100)}%), ` +
      `${fixed(nginx.result.rps / fastest.result.rps, 1)}× the fastest other row (${fastest.label}, ${num(fastest.result.rps)} req/s).`,
  ];
  const near = others.filter((r) => r.result.rps >= 0.8 * nginx.result.rps);
  if (near.length) {
    lines.push(`nginx's rate is below what these rows might reach with a faster client: ${near.map((r) => r.label).join(', ')} ` +
      `came within 80% of it, so wrk (sharing the cores) may be their limit and their figures are a floor.`);
  } else {
    lines.push('Every other row stayed below 80% of that: the load generator was not their bottleneck.');
  }
  return lines;
}

/** How much the rest of the machine took while the rows ran (a 2-core machine shared with others). */
export function noiseNote(rows: Row[]): string | null {
  const busiest = rows.reduce((a, b) => (b.result.otherCpu > a.result.otherCpu ? b : a));
  if (busiest.result.otherCpu < 0.25) return null;
  const mean = rows.reduce((s, r) => s + r.result.otherCpu, 0) / rows.length;
  return `Other work on the machine used ${Math.round(mean * 100)}% of a core on average during the rows (${Math.round(busiest.result.otherCpu * 100)}% during ` +
    `"${busiest.label}"): req/s compares rows measured at different moments, so it is noisy; CPU µs per answer is the steadier comparison.`;
}

export function evaluate(rows: Row[]): Target[] {
  const row = (k: RowKey) => rows.find((r) => r.key === k);
  const rps = (k: RowKey) => row(k)?.result.rps ?? NaN;
  const cpu = (k: RowKey) => row(k)?.result.serverUsPerRequest ?? NaN;
  /**
   * "a ≥ limit × b" in req/s, as the issue states it, and the same ratio from the servers' CPU
   * per answer: the req/s figure a row would have with the cores to itself, which noise from
   * other work on the machine moves much less.
   */
  const ratioTarget = (name: string, a: RowKey, b: RowKey, limit: number, note?: string): Target => {
    const value = ratio(rps(a), rps(b));
    const byCpu = ratio(cpu(b), cpu(a));
    return {
      name,
      value: share(value),
      pass: Number.isFinite(value) ? value >= limit : null,
      ...(Number.isFinite(byCpu) ? { byCpu: `${share(byCpu)} ${byCpu >= limit ? 'PASS' : 'FAIL'}` } : {}),
      ...(note ? { note } : {}),
    };
  };
  const hit2 = row('hit2');
  const cong = rows.filter((r) => ['hit1', 'hit2', 'miss', 'notFound', 'limited', 'crawl'].includes(r.key));
  const rss = maxOf(cong.flatMap((r) => r.rssMB));
  const heaviest = cong.find((r) => r.rssMB.includes(rss));
  const crawlP99 = row('crawl')?.result.p99 ?? NaN;
  const workers2 = ratioTarget('CONG_WORKERS=2 ≥ 0.5 × nginx', 'hit2', 'nginx', 0.5);
  if (hit2 && hit2.rssMB.length < 2) {
    // One process is not what the target is about: no verdict.
    workers2.pass = null;
    workers2.note = `the server ran as ${hit2.rssMB.length} process: this build does not fork CONG_WORKERS`;
  }
  /** A ratio listed with the targets to read them by, with no verdict of its own. */
  const reference = (name: string, a: RowKey, b: RowKey, note: string): Target => {
    const byCpu = ratio(cpu(b), cpu(a));
    return { name, value: share(ratio(rps(a), rps(b))), pass: null, ...(Number.isFinite(byCpu) ? { byCpu: share(byCpu) } : {}), note };
  };
  const inAppProcess = reference('(hit ÷ bare node:http in a process holding the app)', 'hit1', 'bareApp',
    'no target: what is left of the hit path once both processes hold the application');
  const ceiling2 = reference('(bare node:http × 2 ÷ nginx)', 'bare2', 'nginx',
    'no target: what two processes doing nothing but node:http reach, the most CONG_WORKERS=2 could');
  return [
    ratioTarget('hit path, 1 worker ≥ 0.8 × bare node:http', 'hit1', 'bare', 0.8),
    ...(row('bareApp') ? [inAppProcess] : []),
    workers2,
    ...(row('bare2') ? [ceiling2] : []),
    ratioTarget('miss ≥ 0.025 × hit', 'miss', 'hit1', 0.025),
    ratioTarget('404 ≥ 0.8 × hit', 'notFound', 'hit1', 0.8),
    ratioTarget('429 ≥ 0.8 × hit', 'limited', 'hit1', 0.8),
    { name: 'crawl mix p99 < 50 ms', value: `${fixed(crawlP99)} ms`, pass: Number.isFinite(crawlP99) ? crawlP99 < 50 : null },
    {
      name: 'RSS < 150 MB per worker',
      value: `${fixed(rss, 1)} MB`,
      pass: Number.isFinite(rss) ? rss < 150 : null,
      ...(heaviest ? { note: `largest Cổng process after its row: ${heaviest.label}` } : {}),
    },
  ];
}

export function printTargets(targets: Target[]): void {
  const w = Math.max(...targets.map((t) => t.name.length));
  const v = Math.max(...targets.map((t) => t.value.length));
  const c = Math.max(...targets.map((t) => (t.byCpu ?? '').length));
  console.log(`  ${''.padEnd(w)}   ${'measured'.padStart(v)}   ${'verdict'}   ${'from CPU µs/answer'.padEnd(c)}`);
  for (const t of targets) {
    const verdict = t.pass === null ? 'n/a ' : t.pass ? 'PASS' : 'FAIL';
    console.log(`  ${t.name.padEnd(w)}   ${t.value.padStart(v)}   ${verdict.padEnd(7)}   ${(t.byCpu ?? '').padEnd(Math.max(c, 18))}${t.note ? `   ${t.note}` : ''}`);
  }
}
