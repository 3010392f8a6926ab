import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { freePort } from '../../bench/servers.js';

/**
 * A Redis server of the test's own (`redis-server` as a child process on a free loopback port,
 * nothing saved to disk), so that a fault test can SIGKILL it and start it again without touching
 * the machine's shared Redis. Skipped with a printed reason when the binary is missing, unless
 * CI=1 or CONG_REQUIRE_REDIS=1 (then missing is a failure).
 */
export const REDIS_SERVER = process.env.REDIS_SERVER_BIN || 'redis-server';

export function redisServerMissing(): string | null {
  const r = spawnSync(REDIS_SERVER, ['--version'], { encoding: 'utf8' });
  if (!r.error && r.status === 0) return null;
  const why = `${REDIS_SERVER} not found: ${r.error?.message ?? r.stderr}`;
  if (process.env.CI === '1' || process.env.CONG_REQUIRE_REDIS === '1') throw new Error(`${why} (CI: the fault tests must run)`);
  return why;
}

export class OwnRedis {
  private child: ChildProcess | null = null;
  private constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  static async start(): Promise<OwnRedis> {
    const r = new OwnRedis(await freePort());
    await r.start();
    return r;
  }

  /** Starts (again) on the same port; resolves once it accepts connections. */
  start(): Promise<void> {
    const child = spawn(REDIS_SERVER, ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    let out = '';
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${out}`)), 10_000);
      child.stdout!.on('data', (d) => {
        out += d;
        if (/Ready to accept connections/.test(out)) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`redis-server exited (${code}):\n${out}`));
      });
    });
  }

  /** SIGKILL: no goodbye to the clients, as when the machine or the process dies. */
  async kill(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null) return;
    const gone = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await gone;
  }
}
