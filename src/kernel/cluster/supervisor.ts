import cluster, { type Worker } from 'node:cluster';
import type { ServiceHost } from './host.js';

/** A worker that dies this soon after it started counts as a crash loop and is replaced later and later. */
const HEALTHY_AFTER_MS = 10_000;
const MAX_BACKOFF_MS = 30_000;
/** A worker still draining after this is killed (a request stuck forever must not block a restart). */
const STOP_TIMEOUT_MS = 30_000;

/**
 * The primary's workers (CONG_WORKERS): starts them, replaces one that dies (at once the first
 * time, then with a doubling delay while they keep dying young), restarts them one at a time
 * without dropping a request (reload: the new one listens before the old one drains), and stops
 * them all (stop: each stops accepting, finishes its requests and writes its statistics).
 */
export class Supervisor {
  private readonly started = new Map<Worker, number>();
  private readonly stopping = new Set<Worker>();
  private crashStreak = 0;
  private replaceTimer: NodeJS.Timeout | null = null;
  private reloading: Promise<void> = Promise.resolve();
  private closing = false;

  constructor(private readonly count: number, private readonly host: ServiceHost, private readonly log: (msg: string) => void) {
    cluster.on('exit', (worker, code, signal) => this.exited(worker, code, signal));
  }

  /** The live workers (what the service host relays purges to). */
  workers(): Iterable<Worker> {
    return this.started.keys();
  }

  /** Forks every worker; resolves with the port once all of them listen. */
  async start(): Promise<number> {
    const ports = await Promise.all(Array.from({ length: this.count }, () => this.fork()));
    return ports[0]!;
  }

  /** SIGHUP: each worker in turn is replaced by a new one, which listens before the old one drains. */
  reload(): Promise<void> {
    this.reloading = this.reloading.then(async () => {
      for (const old of [...this.started.keys()]) {
        if (this.closing) return;
        // Died meanwhile (its replacement is on its way) or already stopping: nothing to replace.
        if (!this.started.has(old) || this.stopping.has(old)) continue;
        try {
          await this.fork();
        } catch (err) {
          this.log(`reload stopped: a new worker did not start (${(err as Error).message})`);
          return;
        }
        await this.stopWorker(old);
      }
      this.log('reload done: every worker restarted');
    });
    return this.reloading;
  }

  /** SIGTERM: every worker drains and exits. */
  async stop(): Promise<void> {
    this.closing = true;
    if (this.replaceTimer) clearTimeout(this.replaceTimer);
    await Promise.all([...this.started.keys()].map((w) => this.stopWorker(w)));
  }

  private fork(): Promise<number> {
    const worker = cluster.fork();
    this.started.set(worker, Date.now());
    this.host.serve(worker);
    return new Promise<number>((resolve, reject) => {
      const onExit = () => reject(new Error(`worker ${worker.process.pid} exited before listening`));
      worker.once('exit', onExit);
      worker.once('listening', (address) => {
        worker.off('exit', onExit);
        resolve(address.port);
      });
    });
  }

  private stopWorker(worker: Worker): Promise<void> {
    this.stopping.add(worker);
    return new Promise<void>((resolve) => {
      if (worker.isDead()) return resolve();
      const timer = setTimeout(() => worker.kill('SIGKILL'), STOP_TIMEOUT_MS);
      worker.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      if (worker.isConnected()) worker.send({ cong: 'stop' });
      else worker.kill('SIGTERM');
    });
  }

  private exited(worker: Worker, code: number | null, signal: string | null): void {
    const startedAt = this.started.get(worker) ?? Date.now();
    this.started.delete(worker);
    if (this.stopping.delete(worker) || this.closing) return;
    this.crashStreak = Date.now() - startedAt > HEALTHY_AFTER_MS ? 0 : this.crashStreak + 1;
    const delay = this.crashStreak <= 1 ? 0 : Math.min(MAX_BACKOFF_MS, 500 * 2 ** (this.crashStreak - 2));
    this.log(`worker ${worker.process.pid} died (${signal ?? `code ${code}`}); a new one starts in ${delay} ms`);
    this.replaceTimer = setTimeout(() => {
      this.replaceTimer = null;
      if (!this.closing) this.fork().then(() => this.log(`worker ${worker.process.pid} replaced`), (err: Error) => this.log(err.message));
    }, delay);
  }
}
