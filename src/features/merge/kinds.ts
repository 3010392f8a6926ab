/**
 * What a merge does with every table that has a site_id (issue 14, item 6). Checked against the
 * schema by test/merge/tables.test.ts, so a new site-owned table cannot be forgotten.
 *
 * | table                                   | decision                                                              |
 * |-----------------------------------------|-----------------------------------------------------------------------|
 * | articles, article_revisions,            | moved (ids kept, so /bai-viet/<slug>-<id> is the same path); legacy   |
 * | article_pending_edits, article_editors, | ids become old addresses of the old site and are cleared; bodies'     |
 * | comments, rating_votes,                 | /media/<old>/ links follow the files; re-indexed under the target     |
 * | stats_article_totals,                   |                                                                       |
 * | stats_article_daily                     |                                                                       |
 * | search_documents                        | re-indexed under the target (site and scope columns)                   |
 * | categories                              | moved under a parent named after the old unit (subtree), or mapped    |
 * |                                         | onto the target's category of the same folded name (by-name); slug    |
 * |                                         | clashes get "-2", "-3"…                                               |
 * | pages                                   | moved; slug clashes get "-2", "-3"…                                   |
 * | links                                   | moved; one whose address the target lists already stays               |
 * | document_types                          | mapped by folded name, moved when the target has none of that name    |
 * | documents, document_files,              | moved; the same number and date on the target is the same document    |
 * | document_relations, draft_feedback      | (stays, its address leads to the target's); another document with the |
 * |                                         | same number moves with "<code>-<old site code>" as its lookup code    |
 * | media                                   | moved, files copied to the target's folder; the old unit's people's   |
 * |                                         | photos stay (the archive's organisation pages show them)              |
 * | question_topics, questions              | topics mapped by name or moved; questions moved                       |
 * | polls, poll_options, poll_votes         | moved                                                                 |
 * | procedures                              | moved; one with a national code the target has stays (mapped)          |
 * | schedule_entries                        | moved                                                                 |
 * | albums, album_photos, clips             | moved with the media they show; ids kept, old addresses recorded      |
 * | import_items                            | moved, unless the target imported the same source item itself        |
 * | old_addresses (kernel, owner_site_id)   | those leading into moved items re-pointed to the target; new ones for |
 * |                                         | every moved item's old path (host '' = any host of the old site)      |
 * | site_stats, sites.counter_base          | summed into the target's counter_base (once); the rows stay           |
 * | stats_daily, stats_referrers,           | stay with the archive (its own history)                               |
 * | stats_devices, stats_totals,            |                                                                       |
 * | stats_settings, online_visitors,        |                                                                       |
 * | vote_caps (one day's address hashes)    |                                                                       |
 * | user_roles, audit_log                   | stay (who worked on the old site, and what they did)                  |
 * | menu_items, redirects, site_hosts       | stay (the menu drops moved entries by itself; hosts keep answering)   |
 * | map_offices, songs, org_agency,         | stay: the old unit's own furniture and organisation, shown by the     |
 * | org_units, org_people, question_settings| archive                                                               |
 * | alerts                                  | stay: an emergency notice was for the old unit's people (an archive   |
 * |                                         | shows none); the target site sends its own                            |
 * | site_invitations                        | stay: an archive takes no new people; the target site invites its own |
 * | budget_reports, budget_report_files,    | stay: the old unit's budget, plans and projects are its own record,   |
 * | plans, plan_files, projects,            | published by the archive; the target publishes its own (a project     |
 * | project_notices, project_files          | that continues is entered there again, with its new investor)         |
 * | disclosure_settings, disclosure_notices | stay: hotlines, spokesperson, reception days, press releases and      |
 * |                                         | recruitment were the old unit's; the target site publishes its own    |
 */
export const TABLE_DECISIONS: Record<string, 'moved' | 'merged' | 'summed' | 'stays' | 'reindexed'> = {
  articles: 'moved', article_revisions: 'moved', article_pending_edits: 'moved', article_editors: 'moved', comments: 'moved', rating_votes: 'moved', stats_article_totals: 'moved', stats_article_daily: 'moved',
  search_documents: 'reindexed', categories: 'merged', pages: 'moved', links: 'merged', document_types: 'merged', documents: 'merged',
  document_files: 'moved', document_relations: 'moved', draft_feedback: 'moved', media: 'moved', question_topics: 'merged', questions: 'moved',
  polls: 'moved', poll_options: 'moved', poll_votes: 'moved', albums: 'moved', album_photos: 'moved', clips: 'moved', procedures: 'merged', schedule_entries: 'moved', import_items: 'merged',
  site_stats: 'summed', stats_daily: 'stays', stats_referrers: 'stays', stats_devices: 'stays', stats_totals: 'stays', stats_settings: 'stays',
  online_visitors: 'stays', vote_caps: 'stays', user_roles: 'stays', audit_log: 'stays', menu_items: 'stays', redirects: 'stays', site_hosts: 'stays',
  map_offices: 'stays', songs: 'stays', org_agency: 'stays', org_units: 'stays', org_people: 'stays', question_settings: 'stays',
  alerts: 'stays', site_invitations: 'stays',
  budget_reports: 'stays', budget_report_files: 'stays', plans: 'stays', plan_files: 'stays', projects: 'stays', project_notices: 'stays', project_files: 'stays',
  disclosure_settings: 'stays', disclosure_notices: 'stays',
};

/** The kinds of rows a merge counts, with the names an operator reads. */
export const KIND_LABELS = {
  categories: 'Chuyên mục',
  articles: 'Bài viết',
  revisions: 'Phiên bản bài viết',
  comments: 'Bình luận',
  ratings: 'Lượt đánh giá',
  articleStats: 'Thống kê lượt xem bài',
  pages: 'Trang tĩnh',
  links: 'Liên kết website',
  documentTypes: 'Loại văn bản',
  documents: 'Văn bản',
  documentFiles: 'Tệp văn bản',
  draftFeedback: 'Góp ý dự thảo',
  media: 'Tệp thư viện',
  questionTopics: 'Chủ đề hỏi đáp',
  questions: 'Hỏi đáp',
  polls: 'Thăm dò ý kiến',
  procedures: 'Thủ tục hành chính',
  schedule: 'Lịch công tác',
  importItems: 'Mục đã nhập',
} as const;

export type MergeKind = keyof typeof KIND_LABELS;
export const MERGE_KINDS = Object.keys(KIND_LABELS) as MergeKind[];
