import type { LoadResult } from './load.js';

/** Best and median of each side's rounds: on a noisy 2-core machine one run proves little. */
export interface Summary {
  rounds: number;
  rps: { best: number; median: number };
  p50: { best: number; median: number };
  p99: { best: number; median: number };
  bodyBytes: number;
  wireBytes: number;
  serverCpu: number;
  clientCpu: number;
  serverUsPerRequest: number;
}

export interface Target {
  name: string;
  value: number;
  unit: string;
  limit: string;
  pass: boolean;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

const r2 = (x: number) => Math.round(x * 100) / 100;

export function summarize(runs: LoadResult[]): Summary {
  const rps = runs.map((r) => r.rps);
  const p50 = runs.map((r) => r.p50);
  const p99 = runs.map((r) => r.p99);
  return {
    rounds: runs.length,
    // Higher is better for throughput, lower for latency.
    rps: { best: Math.max(...rps), median: Math.round(median(rps)) },
    p50: { best: Math.min(...p50), median: r2(median(p50)) },
    p99: { best: Math.min(...p99), median: r2(median(p99)) },
    bodyBytes: runs[0]!.bodyBytes,
    wireBytes: Math.round(median(runs.map((r) => r.wireBytes))),
    serverCpu: r2(median(runs.map((r) => r.serverCpu))),
    clientCpu: r2(median(runs.map((r) => r.clientCpu))),
    serverUsPerRequest: Math.round(median(runs.map((r) => r.serverUsPerRequest))),
  };
}

const num = (x: number) => x.toLocaleString('en-US');

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('   ')).join('\n');
}

export function runLine(name: string, round: number, r: LoadResult): string {
  return `  ${name.padEnd(6)} round ${round}: ${num(r.rps).padStart(7)} req/s   p50 ${r.p50.toFixed(2)} ms   p99 ${r.p99.toFixed(2)} ms   ` +
    `max ${r.max.toFixed(1)} ms   server CPU ${Math.round(r.serverCpu * 100)}% (${r.serverUsPerRequest} µs/req)   load generator CPU ${Math.round(r.clientCpu * 100)}%`;
}

export function printSummary(nginx: Summary, cong: Summary, targets: Target[], memory: { rss: number; peak: number }): void {
  const row = (name: string, s: Summary) => [
    name,
    `${num(s.rps.best)} / ${num(s.rps.median)}`,
    `${s.p50.best.toFixed(2)} / ${s.p50.median.toFixed(2)}`,
    `${s.p99.best.toFixed(2)} / ${s.p99.median.toFixed(2)}`,
    num(s.bodyBytes),
    num(s.wireBytes),
    `${Math.round(s.serverCpu * 100)}%`,
    `${s.serverUsPerRequest}`,
  ];
  console.log(`\nResults (best / median of ${cong.rounds} rounds each)\n`);
  console.log(table([
    ['', 'req/s', 'p50 ms', 'p99 ms', 'body B', 'body+headers B', 'server CPU', 'CPU µs/req'],
    row('nginx', nginx),
    row('Cổng', cong),
  ]));
  console.log(`\nCổng / nginx req/s: ${(cong.rps.median / nginx.rps.median).toFixed(2)} (medians), ${(cong.rps.best / nginx.rps.best).toFixed(2)} (bests)`);
  // If the load generator ran near 100% of a core, nginx's req/s is the generator's limit, not nginx's.
  console.log(`nginx / Cổng server CPU per request: ${(nginx.serverUsPerRequest / cong.serverUsPerRequest).toFixed(2)} ` +
    `(the req/s ratio if both servers were CPU-bound; load generator CPU: nginx runs ${Math.round(nginx.clientCpu * 100)}%, Cổng runs ${Math.round(cong.clientCpu * 100)}%)`);
  console.log(`Cổng server memory after the runs: RSS ${memory.rss.toFixed(1)} MB, peak (VmHWM) ${memory.peak.toFixed(1)} MB`);

  console.log('\nTargets (medians, 32 connections)');
  const w = Math.max(...targets.map((t) => t.name.length));
  for (const t of targets) {
    console.log(`  ${t.name.padEnd(w)}   ${`${t.value}${t.unit}`.padStart(9)}   ${t.limit.padEnd(9)}   ${t.pass ? 'PASS' : 'MISS'}`);
  }
}

export function evaluate(nginx: Summary, cong: Summary, rssMB: number): Target[] {
  const ratio = r2(cong.rps.median / nginx.rps.median);
  return [
    { name: 'req/s Cổng / nginx', value: ratio, unit: '', limit: '≥ 0.5', pass: ratio >= 0.5 },
    { name: 'Cổng p99 latency', value: cong.p99.median, unit: ' ms', limit: '< 25 ms', pass: cong.p99.median < 25 },
    { name: 'Cổng RSS after run', value: r2(rssMB), unit: ' MB', limit: '< 150 MB', pass: rssMB < 150 },
  ];
}
