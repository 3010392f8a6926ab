import type { Db } from '../../kernel/db/connection.js';
import type { Site } from '../../kernel/sites/site.js';
import type { FileAddresses } from './bodies.js';
import type { ImportItems } from './items.js';
import type { OldUrlWriter } from './old-urls.js';
import type { ImportPlan } from './plan.js';

/** What the import says it did: per kind, items imported and updated; items skipped and why. */
export interface ImportSummary {
  imported: Record<string, number>;
  updated: Record<string, number>;
  skipped: { kind: string; id: string; reason: string }[];
}

/** What every writer of the import's transaction shares. */
export interface WriteContext {
  tx: Db;
  site: Site;
  plan: ImportPlan;
  items: ImportItems;
  now: Date;
  files: FileAddresses;
  summary: ImportSummary;
  oldUrls: OldUrlWriter;
  /** One record written (or skipped): progress. */
  tick(): void;
}

export function count(cx: WriteContext, kind: string, updated: boolean): void {
  const bucket = updated ? cx.summary.updated : cx.summary.imported;
  bucket[kind] = (bucket[kind] ?? 0) + 1;
}

export function skip(cx: WriteContext, kind: string, id: string, reason: string): void {
  cx.summary.skipped.push({ kind, id, reason });
}

/**
 * Records an item's old addresses as leading to its new path on this site: keyed by the URL's
 * own host when it is a whole URL, by the source's old host otherwise (written at the end of the
 * transaction, in batches).
 */
export function recordOldUrls(cx: WriteContext, oldUrls: string[], toPath: string): void {
  for (const u of oldUrls) cx.oldUrls.add(u, toPath);
}
