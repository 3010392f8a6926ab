import type { ArticleRow } from '../../kernel/db/schema.js';

/** The editable fields kept in every revision. */
export const SNAPSHOT_FIELDS = [
  'title', 'sapo', 'body_html', 'category_id', 'author', 'source', 'published_at', 'featured', 'cover_media_id',
  'cover_alt', 'legacy_id', 'legacy_url', 'seo_title', 'seo_description',
] as const;

export type Snapshot = Pick<ArticleRow, (typeof SNAPSHOT_FIELDS)[number]>;

export function snapshotOf(a: Snapshot): Snapshot {
  const out = {} as Record<string, unknown>;
  for (const k of SNAPSHOT_FIELDS) out[k] = a[k];
  return out as Snapshot;
}
