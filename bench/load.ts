import autocannon from 'autocannon';
import { cpuSeconds } from './servers.js';

export interface LoadSpec {
  port: number;
  path: string;
  headers: Record<string, string>;
  connections: number;
  seconds: number;
  warmupSeconds: number;
  /** Every response must be exactly this gzip body (checked by Content-Length and Content-Encoding). */
  gzipBytes: number;
  /** The server's processes, whose CPU time is measured over the run. */
  serverPids: number[];
}

export interface LoadResult {
  requests: number;
  rps: number;
  /** Latency percentiles in ms, from each response's own timing (autocannon's histogram is whole ms). */
  p50: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** Responses that were not the expected gzip body. */
  wrongBody: number;
  bodyBytes: number;
  /** Headers + body per response, as counted by autocannon. */
  wireBytes: number;
  /** Share of one core used by the server and by this (load-generating) process over the run. */
  serverCpu: number;
  clientCpu: number;
  /**
   * Server CPU time per response in µs: unlike req/s, it does not depend on whether the server or
   * the load generator (sharing the same 2 cores) was the bottleneck.
   */
  serverUsPerRequest: number;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

async function once(spec: LoadSpec, seconds: number, measure: boolean) {
  const times: number[] = [];
  let wrongBody = 0;
  const instance = autocannon({
    url: `http://127.0.0.1:${spec.port}${spec.path}`,
    connections: spec.connections,
    pipelining: 1,
    duration: seconds,
    headers: spec.headers,
    requests: [
      {
        onResponse: (_status, _body, _ctx, h) => {
          // Header names keep the server's case: nginx capitalises, Fastify writes them lower-case.
          const length = Number(h['content-length'] ?? h['Content-Length']);
          const encoding = h['content-encoding'] ?? h['Content-Encoding'];
          if (length !== spec.gzipBytes || encoding !== 'gzip') wrongBody++;
        },
      },
    ],
  });
  if (measure) instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => times.push(ms));
  const result = await instance;
  return { result, times, wrongBody };
}

/** A discarded warm-up, then the measured run. */
export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  if (spec.warmupSeconds > 0) await once(spec, spec.warmupSeconds, false);

  const server0 = spec.serverPids.reduce((s, pid) => s + cpuSeconds(pid), 0);
  const client0 = process.cpuUsage();
  const wall0 = process.hrtime.bigint();
  const { result, times, wrongBody } = await once(spec, spec.seconds, true);
  const wall = Number(process.hrtime.bigint() - wall0) / 1e9;
  const server = spec.serverPids.reduce((s, pid) => s + cpuSeconds(pid), 0) - server0;
  const client = process.cpuUsage(client0);

  const sorted = Float64Array.from(times).sort();
  const requests = result.requests.total;
  return {
    requests,
    rps: round(requests / result.duration, 0),
    p50: round(percentile(sorted, 50)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted[sorted.length - 1] ?? NaN),
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    wrongBody,
    bodyBytes: spec.gzipBytes,
    wireBytes: requests ? Math.round(result.throughput.total / requests) : 0,
    serverCpu: round(server / wall),
    clientCpu: round((client.user + client.system) / 1e6 / wall),
    serverUsPerRequest: requests ? round((server / requests) * 1e6, 1) : NaN,
  };
}

/** Why a run cannot be trusted, or null. */
export function runProblems(r: LoadResult): string | null {
  const p: string[] = [];
  if (r.requests === 0) p.push('no responses');
  if (r.non2xx) p.push(`${r.non2xx} non-2xx`);
  if (r.errors) p.push(`${r.errors} errors`);
  if (r.timeouts) p.push(`${r.timeouts} timeouts`);
  if (r.wrongBody) p.push(`${r.wrongBody} responses were not the ${r.bodyBytes}-byte gzip body`);
  return p.length ? p.join(', ') : null;
}
