import type { ArticleRow } from '../../kernel/db/schema.js';
import { fromLocalTime } from '../../kernel/lib/format.js';
import { sanitizeArticleHtml } from '../../kernel/lib/html.js';
import { nfc } from '../../kernel/lib/text.js';
import { id, take, type FieldErrors } from '../../kernel/forms.js';
import { isId } from '../../kernel/lib/ids.js';

/**
 * What an editor submits for an article, as typed (strings), and its validation. The raw form
 * goes back to the page on error so nothing typed is lost.
 */
export interface ArticleForm {
  title: string;
  sapo: string;
  body: string;
  category_id: string;
  author: string;
  source: string;
  /** Local Vietnamese time "YYYY-MM-DDTHH:mm" (datetime-local input). */
  published_at: string;
  featured: string;
  cover_media_id: string;
  cover_alt: string;
  legacy_id: string;
  legacy_url: string;
  seo_title: string;
  seo_description: string;
}

export const EMPTY_FORM: ArticleForm = {
  title: '', sapo: '', body: '', category_id: '', author: '', source: '', published_at: '', featured: '',
  cover_media_id: '', cover_alt: '', legacy_id: '', legacy_url: '', seo_title: '', seo_description: '',
};

export const LIMITS = { title: 300, sapo: 1000, body: 500_000, author: 200, source: 200, seo_title: 70, seo_description: 200, cover_alt: 300 };

export interface ArticleValues {
  title: string;
  sapo: string;
  body_html: string;
  category_id: number;
  author: string;
  source: string;
  published_at: string | null;
  featured: number;
  cover_media_id: number | null;
  cover_alt: string;
  legacy_id: string | null;
  legacy_url: string;
  seo_title: string;
  seo_description: string;
}

export function formFromBody(body: Record<string, unknown> | undefined): ArticleForm {
  const out = { ...EMPTY_FORM };
  for (const k of Object.keys(out) as (keyof ArticleForm)[]) {
    const v = body?.[k];
    out[k] = typeof v === 'string' ? nfc(v) : '';
  }
  return out;
}

function two(n: number) {
  return String(n).padStart(2, '0');
}

/** The form for an existing article (publish time shown as Vietnamese local time). */
export function formFromArticle(a: ArticleRow): ArticleForm {
  const d = new Date(Date.parse(a.published_at) + 7 * 3600_000);
  const local = `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}T${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
  return {
    title: a.title, sapo: a.sapo, body: a.body_html, category_id: String(a.category_id), author: a.author, source: a.source,
    published_at: local, featured: a.featured ? '1' : '', cover_media_id: a.cover_media_id ? String(a.cover_media_id) : '',
    cover_alt: a.cover_alt, legacy_id: a.legacy_id ?? '', legacy_url: a.legacy_url, seo_title: a.seo_title, seo_description: a.seo_description,
  };
}

export function validateArticle(f: ArticleForm, categoryIds: Set<number>): { values?: ArticleValues; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const title = f.title.trim().replace(/\s+/g, ' ');
  if (!title) errors.title = 'Vui lòng nhập tiêu đề bài viết.';
  else if (title.length > LIMITS.title) errors.title = `Tiêu đề dài tối đa ${LIMITS.title} ký tự (hiện có ${title.length}).`;
  if (f.sapo.length > LIMITS.sapo) errors.sapo = `Sapo dài tối đa ${LIMITS.sapo} ký tự (hiện có ${f.sapo.length}).`;
  if (f.body.length > LIMITS.body) errors.body = 'Nội dung bài viết quá dài.';
  const body_html = sanitizeArticleHtml(f.body);
  const categoryId = take(errors, 'category_id', id(f.category_id, { label: 'chuyên mục' }));
  if (categoryId !== null && !categoryIds.has(categoryId)) errors.category_id = 'Chuyên mục không hợp lệ.';
  for (const k of ['author', 'source', 'seo_title', 'seo_description', 'cover_alt'] as const) {
    if (f[k].length > LIMITS[k]) errors[k] = `Trường này dài tối đa ${LIMITS[k]} ký tự.`;
  }
  let published_at: string | null = null;
  if (f.published_at.trim()) {
    try {
      published_at = fromLocalTime(f.published_at.trim().slice(0, 16));
    } catch {
      errors.published_at = 'Thời gian xuất bản không hợp lệ (ngày/tháng/năm giờ:phút).';
    }
  }
  const coverId = take(errors, 'cover_media_id', id(f.cover_media_id, { label: 'ảnh đại diện', optional: true }));
  if (f.cover_media_id.trim() && !f.cover_alt.trim()) errors.cover_alt = 'Vui lòng nhập mô tả ảnh đại diện cho người khiếm thị.';
  const legacy = f.legacy_id.trim();
  if (legacy && !isId(legacy)) errors.legacy_id = 'Mã bài cũ chỉ gồm chữ số.';
  if (f.legacy_url.trim() && !/^(https?:\/\/[^\s]+|\/[^\s]*)$/.test(f.legacy_url.trim())) errors.legacy_url = 'Địa chỉ bài cũ không hợp lệ.';
  if (Object.keys(errors).length) return { errors };
  return {
    errors,
    values: {
      title, sapo: f.sapo.trim(), body_html, category_id: categoryId!, author: f.author.trim(), source: f.source.trim(), published_at,
      featured: f.featured ? 1 : 0, cover_media_id: coverId, cover_alt: f.cover_alt.trim(), legacy_id: legacy || null,
      legacy_url: f.legacy_url.trim(), seo_title: f.seo_title.trim(), seo_description: f.seo_description.trim(),
    },
  };
}
