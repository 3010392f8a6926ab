import type { PrimaryLink } from '../../kernel/cluster/link.js';
import type { LiveDays } from '../../kernel/lib/calendar.js';
import type { Hit } from './fields.js';
import type { FlushRounds } from './flusher.js';
import type { LiveRead, LiveStore } from './store.js';

/**
 * The visit counts of a worker among several without Redis: every hit is counted, and every
 * flush made, by the primary's one store (primary.ts), so page views are exact whichever worker
 * answers, and a worker that dies loses nothing it had counted.
 */
export class RemoteStats implements LiveStore, FlushRounds {
  private flushedAt = Date.now();

  constructor(private readonly link: PrimaryLink) {}

  record(hit: Hit, _days: LiveDays): Promise<LiveRead> {
    return this.link.call<LiveRead>('stats', 'record', [hit]);
  }

  read(siteId: number, _days: LiveDays, now: number): Promise<LiveRead> {
    return this.link.call<LiveRead>('stats', 'read', [siteId, now]);
  }

  /** The primary's round; it answers when its flusher last finished one (the flush lag metric). */
  async tick(): Promise<void> {
    this.flushedAt = await this.link.call<number>('stats', 'tick', []);
  }

  lastFlushedAt(): number {
    return this.flushedAt;
  }

  drain(): Promise<void> {
    return this.link.call<void>('stats', 'drain', []);
  }

  /** The primary writes once more after the last worker has stopped; this worker's hits are written now. */
  close(): Promise<void> {
    return this.drain();
  }
}
