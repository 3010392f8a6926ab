import type { Db } from '../../../kernel/db/connection.js';
import type { Site } from '../../../kernel/sites/site.js';
import type { MediaStorage } from '../../../kernel/storage/media-storage.js';
import type { ImportRecord } from '../records.js';

/**
 * The import core's interface (src/features/imports/run-import.ts, built in parallel), copied
 * type for type until it is on main; then these come from there and this file goes.
 */
export interface ImportSummary {
  imported: Record<string, number>;
  updated: Record<string, number>;
  skipped: { kind: string; id: string; reason: string }[];
}

export interface ImportProgress {
  done: number;
  total: number;
  perSecond: number;
  secondsLeft: number | null;
}

export interface RunImportOptions {
  filesDir?: string;
  media: MediaStorage;
  now: Date;
  dryRun?: boolean;
  progress?: (p: ImportProgress) => void;
}

export type RunImport = (
  db: Db,
  site: Site,
  records: AsyncIterable<{ record: ImportRecord; line: number }> | Iterable<{ record: ImportRecord; line: number }>,
  options: RunImportOptions,
) => Promise<ImportSummary>;
