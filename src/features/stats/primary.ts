import type { PrimaryDeps, PrimaryService } from '../../kernel/cluster/host.js';
import { liveDays } from '../../kernel/lib/calendar.js';
import type { Hit } from './fields.js';
import { Flusher } from './flusher.js';
import { loadMemoryStore } from './memory-store.js';
import { WINDOW_CAP } from './window.js';

/**
 * The visit counts of every worker, held by the primary when there is no Redis: the workers'
 * RemoteStats record and read here, and their flush job asks for the rounds the primary's
 * Flusher makes (one writer, so nothing is written twice). With Redis the workers count there.
 */
export async function statsPrimary({ config, database, now, onError }: PrimaryDeps): Promise<PrimaryService | null> {
  if (config.redisUrl) return null;
  const store = await loadMemoryStore(database.db, now, WINDOW_CAP);
  const flusher = new Flusher(database.db, database.dialect, store, now, onError, config.statsFlushMs);
  return {
    name: 'stats',
    methods: {
      // The primary's own LiveDays object: liveFields() keeps its names per object.
      record: (hit: Hit) => store.record(hit, liveDays(hit.at)),
      read: (siteId: number, at: number) => store.read(siteId, liveDays(at), at),
      tick: () => flusher.tick().then(() => flusher.lastFlushedAt()),
      drain: () => flusher.drain(),
    },
    // Whatever arrived after the workers' last drains (none should): written before the primary exits.
    close: () => flusher.close(),
  };
}
