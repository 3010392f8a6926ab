import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppContext } from '../context.js';
import { missingMigrations } from '../db/migrate.js';

/** A readiness check that takes longer than this counts as failed: a probe must answer quickly. */
const CHECK_TIMEOUT_MS = 2000;

export type HealthProbe = 'healthz' | 'readyz';
export type ReadinessPart = 'database' | 'migrations' | 'redis';

/** The probe a request asks for (GET or HEAD, any query string), or null. */
export function healthProbe(req: IncomingMessage): HealthProbe | null {
  const url = req.url;
  // Run before every cached page: two prefix tests, no allocation, for anything else.
  const probe = url?.startsWith('/healthz') ? 'healthz' : url?.startsWith('/readyz') ? 'readyz' : null;
  if (!probe || (url!.length > probe.length + 1 && url![probe.length + 1] !== '?')) return null;
  return req.method === 'GET' || req.method === 'HEAD' ? probe : null;
}

function within<T>(p: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer in ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
    timer.unref();
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

/** The parts that are not ready: the database (and its migrations), Redis when configured. */
export async function failingParts(ctx: AppContext): Promise<ReadinessPart[]> {
  const failing: ReadinessPart[] = [];
  const database = within(missingMigrations(ctx.db), 'database').then(
    (missing) => void (missing.length && failing.push('migrations')),
    () => void failing.push('database'),
  );
  const redis = ctx.redis;
  const cache = !redis
    ? Promise.resolve()
    : redis.client.status !== 'ready'
      ? Promise.resolve(void failing.push('redis'))
      : within(redis.client.ping(), 'redis').then(
          () => undefined,
          () => void failing.push('redis'),
        );
  await Promise.all([database, cache]);
  return failing.sort();
}

/**
 * /healthz (the process answers; nothing else is touched) and /readyz (it can serve: database
 * reachable, every migration of this code applied, Redis reachable when configured; otherwise 503
 * naming what fails). Answered by the HTTP server before Fastify (raw-hits.ts), for any Host: no
 * site, session, rate limit, statistics or cache is involved, so a load balancer's probe can never
 * be refused, counted or served a stale answer.
 */
export async function answerHealth(probe: HealthProbe, ctx: AppContext | undefined, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let failing: string[] = [];
  if (probe === 'readyz') {
    failing = ctx ? await failingParts(ctx) : ['starting'];
    for (const part of failing) ctx?.metrics.readinessFailure(part);
  }
  const body = JSON.stringify(failing.length ? { status: 'fail', failing } : { status: 'ok' });
  res.writeHead(failing.length ? 503 : 200, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'content-length': Buffer.byteLength(body),
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}
