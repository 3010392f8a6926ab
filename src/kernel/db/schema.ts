import type { MediaTables } from './tables/media.js';
import type { SiteAdminTables } from './tables/sites.js';
import type { SearchTables } from './tables/search.js';
import type { StatsTables } from './tables/stats.js';
import type { InteractTables } from './tables/interact.js';
import type { DocumentsTables } from './tables/documents.js';
import type { QuestionsTables } from './tables/questions.js';
import type { ScheduleTables } from './tables/schedule.js';
import type { PollsTables } from './tables/polls.js';
import type { ProceduresTables } from './tables/procedures.js';
import type { OrganisationTables } from './tables/organisation.js';
import type { MovesTables } from './tables/moves.js';
import type { AlertsTables } from './tables/alerts.js';
import type { DisclosureTables } from './tables/disclosure.js';
import type { ArticleReviewTables } from './tables/article-review.js';
import type { InvitationsTables } from './tables/invitations.js';
import type { BudgetTables } from './tables/budget.js';
import type { ProjectsTables } from './tables/projects.js';
import type { PlansTables } from './tables/plans.js';
import type { GalleryTables } from './tables/gallery.js';
import type { Generated, Insertable, Selectable } from 'kysely';

/**
 * Row types, shared by SQLite and PostgreSQL. Times are ISO-8601 UTC strings
 * ("2021-10-15T09:30:00.000Z"), which sort correctly as text on both engines;
 * flags are integers 0/1.
 */
export interface SitesTable {
  id: Generated<number>;
  code: string;
  name: string;
  is_default: number;
  settings: string;
  counter_base: number;
  created_at: string;
  /** The host absolute URLs use; null: the first of its hosts (migration 0017). */
  primary_host: string | null;
  /** 'https' | 'http'; null: https in production, http elsewhere. */
  scheme: string | null;
  /** When the site became a read-only archive (after a merge); null while live (migration 0018). */
  archived_at: string | null;
  /** JSON array of the ids of the sites that carry its work now. */
  successors: Generated<string>;
}

export interface SiteHostsTable {
  host: string;
  site_id: number;
}

export interface CategoriesTable {
  id: Generated<number>;
  site_id: number;
  slug: string;
  name: string;
  /** Position in the site's whole tree, depth first (so ordering by it lists the tree). */
  position: number;
  /** The parent category; null at the top level. */
  parent_id: Generated<number | null>;
}

export interface ArticlesTable {
  id: Generated<number>;
  site_id: number;
  category_id: number;
  title: string;
  slug: string;
  sapo: string;
  body_html: string;
  author: string;
  source: string;
  status: ArticleStatus;
  /** When it went or goes public; for drafts, the intended time. */
  published_at: string;
  updated_at: string;
  featured: number;
  legacy_id: string | null;
  created_by: number | null;
  updated_by: number | null;
  created_at: string | null;
  /** Why an approver returned it (trả lại), shown to the author. */
  return_reason: Generated<string>;
  cover_media_id: number | null;
  cover_alt: Generated<string>;
  seo_title: Generated<string>;
  seo_description: Generated<string>;
  legacy_url: Generated<string>;
  /** searchFold(title), for the back-office title filter. */
  title_fold: Generated<string>;
}

export type ArticleStatus = 'draft' | 'submitted' | 'scheduled' | 'published' | 'returned' | 'unpublished';

export interface PagesTable {
  id: Generated<number>;
  site_id: number;
  slug: string;
  title: string;
  body_html: string;
  position: number;
  updated_at: string;
}

export interface LinksTable {
  id: Generated<number>;
  site_id: number;
  title: string;
  url: string;
  position: number;
}

export interface MapOfficesTable {
  id: Generated<number>;
  site_id: number;
  name: string;
  address: string;
  phone: string;
  lat: number;
  lng: number;
  position: number;
}

export interface SongsTable {
  id: Generated<number>;
  site_id: number;
  title: string;
  artist: string;
  /** Path under the data directory's media folder. */
  file_path: string;
  mime: string;
  position: number;
}

export interface SiteStatsTable {
  site_id: number;
  /** Page views counted since the site was created or imported (added to sites.counter_base). */
  page_views: number;
  updated_at: string;
}

export interface OnlineVisitorsTable {
  site_id: number;
  /** Salted hash identifying a visitor for the day; never a raw IP or user agent. */
  visitor: string;
  last_seen_at: string;
}

export type Role = 'site_admin' | 'approver' | 'editor' | 'contributor' | 'moderator';

export interface UsersTable {
  id: Generated<number>;
  email: string;
  username: string;
  display_name: string;
  password_hash: string;
  /** Sealed with the secret key (src/kernel/lib/secret-box.ts); a plain base32 value only from before 0025, until first use. */
  totp_secret: string | null;
  totp_enabled: Generated<number>;
  /** The TOTP time step last accepted (replays of it or older steps are refused). */
  totp_last_step: number | null;
  /** JSON array of sha-256 hashes of unused recovery codes. */
  recovery_codes: Generated<string>;
  is_system_admin: Generated<number>;
  disabled: Generated<number>;
  /** 1 until the user replaces a generated password (the first administrator's). */
  must_change_password: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface UserRolesTable {
  user_id: number;
  site_id: number;
  role: Role;
}

export interface SessionsTable {
  id: string;
  user_id: number;
  csrf_token: string;
  mfa_pending: number;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface LoginThrottleTable {
  /** "user:<id>", "account:<hash of an unknown login>", "ip:<hash>" or "totp:<user id>" (features/back-office/auth/throttle.ts). */
  key: string;
  /** Attempts counted (those in flight included) and not yet decayed. */
  failures: number;
  locked_until: string | null;
  /** Since when the remaining count is counted: one failure decays per quarter of an hour after it. */
  updated_at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  site_id: number | null;
  user_id: number | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
  created_at: string;
}

export interface ArticleRevisionsTable {
  id: Generated<number>;
  article_id: number;
  site_id: number;
  snapshot: string;
  created_by: number | null;
  created_at: string;
}

export interface JobLeasesTable {
  name: string;
  owner: string;
  expires_at: string;
}

/**
 * The tables the kernel itself owns (job leases, the citizen forms' secrets and replay store);
 * every other table belongs to one feature, which names it in its `tables`.
 */
export const KERNEL_TABLES = ['job_leases', 'interact_secrets', 'captcha_used', 'vote_caps', 'old_addresses', 'import_items'] as const;

export interface Database extends MediaTables, SiteAdminTables, SearchTables, StatsTables, InteractTables, DocumentsTables, QuestionsTables, ScheduleTables, PollsTables, ProceduresTables, OrganisationTables, MovesTables, AlertsTables, DisclosureTables, ArticleReviewTables, InvitationsTables, BudgetTables, ProjectsTables, PlansTables, GalleryTables {
  users: UsersTable;
  user_roles: UserRolesTable;
  sessions: SessionsTable;
  login_throttle: LoginThrottleTable;
  audit_log: AuditLogTable;
  article_revisions: ArticleRevisionsTable;
  job_leases: JobLeasesTable;
  sites: SitesTable;
  site_hosts: SiteHostsTable;
  categories: CategoriesTable;
  articles: ArticlesTable;
  pages: PagesTable;
  links: LinksTable;
  map_offices: MapOfficesTable;
  songs: SongsTable;
  site_stats: SiteStatsTable;
  online_visitors: OnlineVisitorsTable;
}

export type SiteRow = Selectable<SitesTable>;
export type CategoryRow = Selectable<CategoriesTable>;
export type ArticleRow = Selectable<ArticlesTable>;
export type NewArticle = Insertable<ArticlesTable>;
export type PageRow = Selectable<PagesTable>;
export type LinkRow = Selectable<LinksTable>;
export type MapOfficeRow = Selectable<MapOfficesTable>;
export type SongRow = Selectable<SongsTable>;
export type UserRow = Selectable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;
export type LoginThrottleRow = Selectable<LoginThrottleTable>;
export type AuditRow = Selectable<AuditLogTable>;
export type RevisionRow = Selectable<ArticleRevisionsTable>;
