import type { Generated, Selectable } from 'kysely';

/** The two-person rule over edits (migration 0026): row types. */
export interface ArticleReviewTables {
  article_pending_edits: ArticlePendingEditsTable;
  article_editors: ArticleEditorsTable;
}

/** 'editing' while being written, 'submitted' once sent for approval, 'returned' with a reason. */
export type PendingEditStatus = 'editing' | 'submitted' | 'returned';

/**
 * The change to a published article that waits for a second person's approval, while the public
 * page keeps showing the approved text. At most one per article; approving copies `snapshot`
 * into the article and deletes this row.
 */
export interface ArticlePendingEditsTable {
  id: Generated<number>;
  site_id: number;
  article_id: number;
  /** JSON of the article's editable fields (src/features/articles/snapshot.ts). */
  snapshot: string;
  status: PendingEditStatus;
  return_reason: Generated<string>;
  updated_by: number | null;
  created_at: string;
  updated_at: string;
}

/** Everyone who changed an article's text since its last approval; emptied when it is approved. */
export interface ArticleEditorsTable {
  site_id: number;
  article_id: number;
  user_id: number;
  since: string;
}

export type PendingEditRow = Selectable<ArticlePendingEditsTable>;
