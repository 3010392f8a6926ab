import { SEARCH_PATH } from '../../../kernel/views/public/search-box.js';
import type { ArticleRecord, CategoryRecord, CommentRecord, FileRecord, ImportRecord, ImportStatus, PageRecord, RedirectRecord } from '../records.js';
import { attachmentToFile, unique } from './attachments.js';
import { cleanBody, type GalleryImage } from './body.js';
import { commentText } from './comment-text.js';
import { wordpressDate } from './dates.js';
import { WordPressExportError } from './errors.js';
import type { WxrExport, WxrItem, WxrTerm } from './wxr.js';

/** A record with the line of the export it came from (for the core's messages). */
export interface LocatedRecord {
  record: ImportRecord;
  line: number;
}

/** What the conversion left out or changed, for the import's summary. */
export interface ConversionNote {
  kind: string;
  id: string;
  reason: string;
}

export interface WordPressConversion {
  /** The old site's host, by which its old addresses are kept. */
  host: string;
  records: LocatedRecord[];
  notes: ConversionNote[];
}

/** WordPress statuses → import statuses; only "publish" becomes public. */
const STATUS: Record<string, ImportStatus> = { publish: 'published', draft: 'draft', pending: 'pending', private: 'private', future: 'scheduled', trash: 'trash' };
const COMMENT_STATUS: Record<string, CommentRecord['status']> = { '1': 'approved', '0': 'pending', spam: 'spam', trash: 'trash', 'post-trashed': 'trash' };

/**
 * The records of a WordPress export, in the order the core reads best: the source, categories
 * (parents first), files, articles and pages, comments, then redirects. Categories keep their tree
 * and old archive addresses (`/category/<parent>/<child>/`, `?cat=ID`); a tag becomes a tag of its
 * articles, and its archive (`/tag/<slug>/`, `?tag=<slug>`) a redirect to this site's search for
 * it — a ward portal has no tag pages, and the search finds the articles carrying the word.
 */
export function wxrToRecords(wxr: WxrExport, options: { timezone?: string } = {}): WordPressConversion {
  const base = wxr.baseUrl;
  const host = new URL(base).hostname.toLowerCase();
  const notes: ConversionNote[] = [];
  const out: LocatedRecord[] = [{ record: { type: 'source', id: `wordpress:${host}`, host, timezone: options.timezone ?? 'Asia/Ho_Chi_Minh' }, line: 1 }];

  const categoryBySlug = new Map(wxr.categories.map((c) => [c.slug, c]));
  for (const c of parentsFirst(wxr.categories, categoryBySlug)) out.push({ record: category(c, categoryBySlug, base), line: c.line });

  // Every article needs a category: one without any goes where WordPress would show it.
  let fallback: string | undefined;
  const uncategorized = () => {
    fallback ??= wxr.categories.find((c) => c.slug === 'uncategorized' || c.slug === 'chua-phan-loai')?.id;
    if (fallback === undefined) {
      fallback = '0'; // WordPress numbers terms from 1
      out.push({ record: { type: 'category', id: fallback, name: 'Chưa phân loại', slug: 'chua-phan-loai', parent: null }, line: 1 });
    }
    return fallback;
  };

  const files = new Map<string, FileRecord>();
  const attachedTo = new Map<string, string[]>();
  for (const item of wxr.items.filter((i) => i.type === 'attachment')) {
    const file = attachmentToFile(item, base);
    if (!file) {
      notes.push({ kind: 'file', id: item.id, reason: `Tệp đính kèm "${item.title}" không ghi đường dẫn trong thư mục uploads (_wp_attached_file), nên không được nhập.` });
      continue;
    }
    files.set(item.id, file);
    const siblings = attachedTo.get(item.parent);
    if (siblings) siblings.push(item.id);
    else attachedTo.set(item.parent, [item.id]);
    out.push({ record: file, line: item.line });
  }

  const pages = new Set(wxr.items.filter((i) => i.type === 'page').map((i) => i.id));
  const comments: LocatedRecord[] = [];
  for (const item of wxr.items) {
    if (item.type === 'attachment') continue;
    if (item.type !== 'post' && item.type !== 'page') {
      notes.push({ kind: item.type, id: item.id, reason: `Bỏ qua mục loại "${item.type}" "${item.title}" (dòng ${item.line}): chỉ nhập bài viết, trang và tệp.` });
      continue;
    }
    const status = STATUS[item.status];
    if (!status) {
      notes.push({ kind: item.type === 'page' ? 'page' : 'article', id: item.id, reason: `Bỏ qua "${item.title}" (dòng ${item.line}): trạng thái "${item.status}" của WordPress không phải một bài.` });
      continue;
    }
    const gallery = (ids: string[] | null): GalleryImage[] =>
      (ids ?? attachedTo.get(item.id) ?? []).flatMap((id) => {
        const f = files.get(id);
        return f?.oldUrls?.[0] ? [{ src: f.oldUrls[0], alt: f.alt ?? '' }] : [];
      });
    const body = cleanBody(item.content, gallery);
    const kind = item.type === 'page' ? 'page' : 'article';
    for (const name of body.shortcodes.filter((s) => s !== 'caption' && s !== 'gallery')) {
      notes.push({ kind, id: item.id, reason: `Đã bỏ mã rút gọn [${name}] trong ${kind === 'page' ? 'trang' : 'bài'} "${item.title}" (dòng ${item.line}): Cổng không có thành phần tương ứng.` });
    }
    const publishedAt = wordpressDate(item.date, item.dateGmt);
    if (!publishedAt) throw new WordPressExportError(`Bài số ${item.id} "${item.title}" (dòng ${item.line}) không có ngày đăng hợp lệ (<wp:post_date>).`, { line: item.line, itemId: item.id });

    if (item.type === 'page') {
      const parent = item.parent !== '0' && pages.has(item.parent) ? item.parent : null;
      const page: PageRecord = {
        type: 'page',
        id: item.id,
        title: item.title,
        bodyHtml: body.html,
        ...(asciiSlug(item.slug) ? { slug: asciiSlug(item.slug) } : {}),
        parent,
        status,
        position: item.menuOrder,
        oldUrls: oldUrls(base, item, [`${base}/?page_id=${item.id}`, `${base}/?p=${item.id}`]),
      };
      out.push({ record: page, line: item.line });
      for (const c of item.comments) notes.push({ kind: 'comment', id: c.id, reason: `Bình luận số ${c.id} ở trang "${item.title}" không được nhập: trang của Cổng không có bình luận.` });
      continue;
    }

    const thumbnail = item.meta.get('_thumbnail_id');
    const cover = thumbnail && files.has(thumbnail) ? files.get(thumbnail)! : undefined;
    const categories = primaryFirst(item, categoryBySlug);
    if (!categories.length) categories.push(uncategorized());
    const tags = item.terms.filter((t) => t.domain === 'post_tag').map((t) => t.name);
    const article: ArticleRecord = {
      type: 'article',
      id: item.id,
      title: item.title,
      ...(item.excerpt.trim() ? { sapo: commentText(item.excerpt) } : {}),
      bodyHtml: body.html,
      categories,
      ...(tags.length ? { tags: unique(tags) } : {}),
      publishedAt,
      status,
      ...(item.creator ? { author: wxr.authors.get(item.creator) ?? item.creator } : {}),
      ...(item.sticky ? { featured: true } : {}),
      ...(cover ? { cover: cover.id, ...(cover.alt ? { coverAlt: cover.alt } : {}) } : {}),
      oldUrls: oldUrls(base, item, [`${base}/?p=${item.id}`]),
    };
    out.push({ record: article, line: item.line });
    const exported = new Set(item.comments.filter((c) => !c.type || c.type === 'comment').map((c) => c.id));
    for (const c of item.comments) {
      if (c.type && c.type !== 'comment') {
        notes.push({ kind: 'comment', id: c.id, reason: `Bỏ qua ${c.type} số ${c.id} ở bài "${item.title}": chỉ nhập bình luận của người đọc.` });
        continue;
      }
      const createdAt = wordpressDate(c.date, c.dateGmt) ?? publishedAt;
      const record: CommentRecord = {
        type: 'comment',
        id: c.id,
        article: item.id,
        // WordPress leaves spam out of its export; a reply to it starts a thread of its own.
        parent: c.parent !== '0' && exported.has(c.parent) ? c.parent : null,
        author: c.author.trim() || 'Ẩn danh',
        body: commentText(c.content),
        createdAt,
        status: COMMENT_STATUS[c.approved] ?? 'pending',
      };
      comments.push({ record, line: item.line });
    }
  }
  out.push(...comments);

  for (const t of wxr.tags) {
    const to = `${SEARCH_PATH}?q=${encodeURIComponent(t.name)}`;
    for (const from of [`${base}/tag/${t.slug}/`, `${base}/?tag=${t.slug}`]) {
      const redirect: RedirectRecord = { type: 'redirect', from, to };
      out.push({ record: redirect, line: t.line });
    }
  }
  return { host, records: out, notes };
}

function category(c: WxrTerm, bySlug: Map<string, WxrTerm>, base: string): CategoryRecord {
  const path = ancestry(c, bySlug).map((a) => a.slug);
  const parent = c.parentSlug ? bySlug.get(c.parentSlug) : undefined;
  return {
    type: 'category',
    id: c.id,
    name: c.name,
    ...(asciiSlug(c.slug) ? { slug: asciiSlug(c.slug) } : {}),
    parent: parent ? parent.id : null,
    // WordPress answers a child category both under its full path and under its own slug.
    oldUrls: unique([`${base}/category/${path.join('/')}/`, `${base}/category/${c.slug}/`, `${base}/?cat=${c.id}`]),
  };
}

/** The category and its ancestors, root first (a loop in a damaged export is cut). */
function ancestry(c: WxrTerm, bySlug: Map<string, WxrTerm>): WxrTerm[] {
  const chain = [c];
  for (let p = bySlug.get(c.parentSlug); p && !chain.includes(p); p = bySlug.get(p.parentSlug)) chain.unshift(p);
  return chain;
}

function parentsFirst(categories: WxrTerm[], bySlug: Map<string, WxrTerm>): WxrTerm[] {
  return [...categories].sort((a, b) => ancestry(a, bySlug).length - ancestry(b, bySlug).length);
}

/**
 * A post's categories, its main one first: the one an SEO plugin marked primary, else the deepest
 * (WordPress lists them by name, and "Tin tức" is less telling than "Tin tức › Tổ dân phố").
 */
function primaryFirst(item: WxrItem, bySlug: Map<string, WxrTerm>): string[] {
  const terms = item.terms.filter((t) => t.domain === 'category' && bySlug.has(t.slug)).map((t) => bySlug.get(t.slug)!);
  const primary = item.meta.get('_yoast_wpseo_primary_category') ?? item.meta.get('rank_math_primary_category');
  const depth = (c: WxrTerm) => (c.id === primary ? Number.MAX_SAFE_INTEGER : ancestry(c, bySlug).length);
  return unique([...terms].sort((a, b) => depth(b) - depth(a)).map((c) => c.id));
}

/** The old addresses of a post or page: its ?p= / ?page_id= forms, its permalink and its guid. */
function oldUrls(base: string, item: WxrItem, forms: string[]): string[] {
  const own = [item.link, item.guid].filter((u) => u.toLowerCase().startsWith(base.toLowerCase()));
  return unique([...forms, ...own]);
}

/** A WordPress slug usable as ours (lowercase ASCII words); percent-encoded Vietnamese slugs are left to the core. */
function asciiSlug(slug: string): string | undefined {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug) ? slug : undefined;
}
