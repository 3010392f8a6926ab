import { hasRole, type Actor } from '../../kernel/access/actor.js';
import type { ArticleRow, ArticleStatus } from '../../kernel/db/schema.js';
import type { SiteSettings } from '../../kernel/sites/settings.js';
import type { PendingEditRow } from '../../kernel/db/tables/article-review.js';

/**
 * Who may do what with articles, in one place. Routes use these to show or hide actions;
 * the commands call them again before writing, so hiding a button is never the only guard.
 */
type ArticleRef = Pick<ArticleRow, 'site_id' | 'status' | 'created_by' | 'updated_by'>;

const WRITERS = ['site_admin', 'approver', 'editor', 'contributor'] as const;
const EDITABLE_BY_AUTHOR: ArticleStatus[] = ['draft', 'returned'];

export const articlePolicy = {
  /** Anyone who writes for the site can see its article list and start an article. */
  create: (a: Actor, siteId: number) => hasRole(a, siteId, ...WRITERS),
  list: (a: Actor, siteId: number) => hasRole(a, siteId, ...WRITERS),

  /** Editors and above edit any article; contributors edit their own drafts and returned ones. */
  edit: (a: Actor, art: ArticleRef) =>
    hasRole(a, art.site_id, 'site_admin', 'approver', 'editor') ||
    (hasRole(a, art.site_id, 'contributor') && art.created_by === a.userId && EDITABLE_BY_AUTHOR.includes(art.status)),

  view: (a: Actor, art: ArticleRef) =>
    hasRole(a, art.site_id, 'site_admin', 'approver', 'editor') || (hasRole(a, art.site_id, 'contributor') && art.created_by === a.userId),

  submit: (a: Actor, art: ArticleRef) =>
    ['draft', 'returned', 'unpublished'].includes(art.status) && articlePolicy.edit(a, { ...art, status: art.status === 'unpublished' ? 'draft' : art.status }),

  /**
   * Approvers publish, schedule, return and unpublish. With the two-person rule on, an approver
   * cannot publish what they wrote or changed since the last approval (`editors`: article_editors).
   */
  publish: (a: Actor, art: ArticleRef, settings: Pick<SiteSettings, 'twoPersonRule'>, editors: readonly number[]) =>
    hasRole(a, art.site_id, 'site_admin', 'approver') &&
    art.status !== 'published' &&
    !(settings.twoPersonRule && (art.created_by === a.userId || art.updated_by === a.userId || editors.includes(a.userId))),

  /**
   * With the two-person rule on, a change to a published article waits for a second person; so
   * does one made while an edit is pending (begun before the rule was turned off), which it extends.
   */
  editNeedsReview: (art: ArticleRef, settings: Pick<SiteSettings, 'twoPersonRule'>, hasPendingEdit = false) =>
    art.status === 'published' && (!!settings.twoPersonRule || hasPendingEdit),

  /** Whoever may edit the article sends its pending edit for approval. */
  submitEdit: (a: Actor, art: ArticleRef, edit: Pick<PendingEditRow, 'status'>) =>
    art.status === 'published' && edit.status !== 'submitted' && articlePolicy.edit(a, art),

  /** A pending edit is approved by an approver who changed none of its text. */
  approveEdit: (a: Actor, art: ArticleRef, edit: Pick<PendingEditRow, 'status' | 'updated_by'>, editors: readonly number[]) =>
    hasRole(a, art.site_id, 'site_admin', 'approver') &&
    art.status === 'published' &&
    edit.status === 'submitted' &&
    edit.updated_by !== a.userId &&
    !editors.includes(a.userId),

  /** True when the person may approve edits here but changed this one's text themselves. */
  isOwnEdit: (a: Actor, edit: Pick<PendingEditRow, 'updated_by'>, editors: readonly number[]) => edit.updated_by === a.userId || editors.includes(a.userId),

  returnEdit: (a: Actor, art: ArticleRef, edit: Pick<PendingEditRow, 'status'>) =>
    hasRole(a, art.site_id, 'site_admin', 'approver') && art.status === 'published' && edit.status === 'submitted',

  returnToAuthor: (a: Actor, art: ArticleRef) => hasRole(a, art.site_id, 'site_admin', 'approver') && ['submitted', 'scheduled'].includes(art.status),

  unpublish: (a: Actor, art: ArticleRef) => hasRole(a, art.site_id, 'site_admin', 'approver') && ['published', 'scheduled'].includes(art.status),

  /** Restoring a revision is an edit. */
  restore: (a: Actor, art: ArticleRef) => articlePolicy.edit(a, art),
};
