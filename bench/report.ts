import type { WrkResult } from './wrk.js';

/** One line of the page benchmark's table: one server, one kind of request, one wrk run. */
export interface Row {
  key: RowKey;
  label: string;
  result: WrkResult;
  /** RSS in MB of each process that answered (nginx's workers, the Node workers). */
  rssMB: number[];
  /** Connections of the wrk run. */
  connections: number;
  notes: string[];
}

export type RowKey = 'nginx' | 'bare' | 'hit1' | 'hit2' | 'miss' | 'notFound' | 'limited' | 'crawl';

export interface Target {
  name: string;
  value: string;
  pass: boolean | null;
  note?: string;
}

const num = (x: number) => x.toLocaleString('en-US');
const ratio = (a: number, b: number | undefined) => (b ? a / b : NaN);
const fixed = (x: number, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : '–');
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
      ['', 'req/s', '× nginx', '× hit', 'p50 ms', 'p99 ms', 'RSS MB', 'CPU server', 'CPU wrk', 'CPU other', 'conns'],
      ...rows.map((r) => [
        r.label,
        num(r.result.rps),
        fixed(ratio(r.result.rps, nginx)),
        fixed(ratio(r.result.rps, hit)),
        fixed(r.result.p50),
        fixed(r.result.p99),
        r.rssMB.map((m) => m.toFixed(0)).join(' + '),
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

export function evaluate(rows: Row[]): Target[] {
  const row = (k: RowKey) => rows.find((r) => r.key === k);
  const rps = (k: RowKey) => row(k)?.result.rps ?? NaN;
  const at = (name: string, value: number, limit: number, note?: string): Target => ({
    name,
    value: fixed(value),
    pass: Number.isFinite(value) ? value >= limit : null,
    ...(note ? { note } : {}),
  });
  const hit2 = row('hit2');
  const cong = rows.filter((r) => ['hit1', 'hit2', 'miss', 'notFound', 'limited', 'crawl'].includes(r.key));
  const rss = maxOf(cong.flatMap((r) => r.rssMB));
  const heaviest = cong.find((r) => r.rssMB.includes(rss));
  const crawlP99 = row('crawl')?.result.p99 ?? NaN;
  return [
    at('hit path, 1 worker ≥ 0.8 × bare node:http', ratio(rps('hit1'), rps('bare')), 0.8),
    at('CONG_WORKERS=2 ≥ 0.5 × nginx', ratio(rps('hit2'), rps('nginx')), 0.5,
      hit2 && hit2.rssMB.length < 2 ? `the server ran as ${hit2.rssMB.length} process: CONG_WORKERS is not supported by this build` : undefined),
    at('miss ≥ 0.025 × hit', ratio(rps('miss'), rps('hit1')), 0.025),
    at('404 ≥ 0.8 × hit', ratio(rps('notFound'), rps('hit1')), 0.8),
    at('429 ≥ 0.8 × hit', ratio(rps('limited'), rps('hit1')), 0.8),
    { name: 'crawl mix p99 < 50 ms', value: `${fixed(crawlP99)} ms`, pass: Number.isFinite(crawlP99) ? crawlP99 < 50 : null },
    {
      name: 'RSS < 150 MB per worker',
      value: `${fixed(rss, 1)} MB`,
      pass: Number.isFinite(rss) ? rss < 150 : null,
      ...(heaviest ? { note: `largest Cổng process: ${heaviest.label}` } : {}),
    },
  ];
}

export function printTargets(targets: Target[]): void {
  const w = Math.max(...targets.map((t) => t.name.length));
  const v = Math.max(...targets.map((t) => t.value.length));
  for (const t of targets) {
    const verdict = t.pass === null ? 'n/a ' : t.pass ? 'PASS' : 'FAIL';
    console.log(`  ${t.name.padEnd(w)}   ${t.value.padStart(v)}   ${verdict}${t.note ? `   (${t.note})` : ''}`);
  }
}
