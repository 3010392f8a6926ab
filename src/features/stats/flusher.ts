import { randomUUID } from 'node:crypto';
import type { Db, Dialect } from '../../kernel/db/connection.js';
import { liveDays } from '../../kernel/lib/calendar.js';
import type { Batch } from './fields.js';
import { readBase } from './mirror.js';
import type { StatsStore } from './store.js';
import { writeBatch } from './writer.js';

/**
 * Moves aggregated hits into the database, every interval (≤ 1 s, so a kill -9 loses at most the
 * last second; the statistics flush job, jobs.ts) and once more on shutdown. With Redis, a lock
 * lets one instance flush at a time; a batch is taken from Redis under an id that the database
 * logs in the same transaction, so a flush interrupted by a crash is finished by the next one
 * without counting anything twice.
 */
/** The rounds of writing hits: here (Flusher), or in the primary when several workers serve without Redis. */
export interface FlushRounds {
  /** One round; errors are reported, not thrown. */
  tick(): Promise<void>;
  /** Until nothing is pending; errors are thrown. */
  drain(): Promise<void>;
  /** The last drain, on shutdown. */
  close(): Promise<void>;
  /** When a round last finished without error (epoch ms; the start before the first): the flush lag metric. */
  lastFlushedAt(): number;
}

export class Flusher implements FlushRounds {
  /** Every flush runs after the previous one: two at once could write the same batch twice. */
  private queue: Promise<void> = Promise.resolve();
  private busy = false;
  private initialised = false;
  private readonly owner = randomUUID();
  private flushedAt = Date.now();

  constructor(
    private readonly db: Db,
    private readonly dialect: Dialect,
    private readonly store: StatsStore,
    private readonly now: () => Date,
    private readonly onError: (err: unknown) => void,
    private readonly intervalMs: number,
  ) {}

  /** One round, unless one is running. Errors are reported; the batch is kept for later. */
  tick(): Promise<void> {
    return this.busy ? this.queue : this.run(false).catch((err) => this.onError(err));
  }

  /** Runs rounds until nothing is pending (tests and shutdown); errors are thrown. */
  drain(): Promise<void> {
    return this.run(true);
  }

  private run(all: boolean): Promise<void> {
    const next = this.queue.catch(() => undefined).then(async () => {
      this.busy = true;
      try {
        await this.flush(all);
        this.flushedAt = Date.now();
      } finally {
        this.busy = false;
      }
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async flush(all = false): Promise<void> {
    if (!(await this.store.lock(this.owner, Math.max(3000, this.intervalMs * 5)))) return;
    // A leftover batch first, then what is pending; when draining, until nothing is left.
    for (let round = 0; round < (all ? 100 : 2); round++) {
      const batch = await this.store.takeBatch(randomUUID());
      if (!batch) break;
      await this.writeOne(batch);
    }
    const missing = this.initialised ? await this.store.sitesWithoutBase() : 'all';
    if (missing === 'all' || missing.length) {
      const done = await this.store.setBase(await readBase(this.db, missing, liveDays(this.now().getTime())));
      if (done) this.initialised = true;
    }
  }

  private async writeOne(batch: Batch): Promise<void> {
    const now = this.now();
    try {
      await writeBatch(this.db, this.dialect, batch, now);
    } catch (err) {
      await this.store.abortBatch(batch);
      throw err;
    }
    const sites = [...new Set([...batch.counters.keys(), ...batch.touches.keys()])];
    await this.store.commitBatch(batch, await readBase(this.db, sites, liveDays(now.getTime())));
  }

  lastFlushedAt(): number {
    return this.flushedAt;
  }

  /** The last flush, on shutdown: everything pending, then the lock is left to the other instances. Errors are thrown. */
  async close(): Promise<void> {
    try {
      await this.drain();
    } finally {
      await this.store.unlock(this.owner);
    }
  }
}
