import { writeAudit } from '../../../kernel/audit.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { sanitizeArticleHtml } from '../../../kernel/lib/html.js';
import { slugify } from '../../../kernel/lib/text.js';
import { fail, line, type FieldErrors } from '../../../kernel/forms.js';
import { assertSiteAdmin, SLUG_MESSAGE, SLUG_RE } from '../../sites/commands/context.js';
import { nextPosition } from '../../../kernel/db/ordering.js';
import { recordMove } from '../../../kernel/sites/redirects.js';
import { urls } from '../../../kernel/http/urls.js';
import type { CommandContext, CommandResult } from '../../../kernel/commands.js';

/** What the static page form posts, as typed. */
export interface PageForm {
  title: string;
  slug: string;
  body: string;
}

export const EMPTY_PAGE: PageForm = { title: '', slug: '', body: '' };
const BODY_MAX = 500_000;

/**
 * Creates a static page (Giới thiệu, Liên hệ…) at the end of the list, or saves one. The body
 * is sanitized like an article's; the slug defaults to the title's and is unique on the site.
 * The footer of every page lists the pages, so the whole site's cache goes (the page's own
 * path, old and new, with it).
 */
export async function savePage(cx: CommandContext, id: number | null, form: PageForm): Promise<CommandResult> {
  assertSiteAdmin(cx);
  const { db, site, actor, now } = cx;
  const result = await db.transaction().execute(async (tx): Promise<CommandResult> => {
    const before = id === null ? null : await tx.selectFrom('pages').selectAll().where('site_id', '=', site.id).where('id', '=', id).executeTakeFirst();
    if (before === undefined) throw new AppError('not_found');
    const errors: FieldErrors = {};
    const title = line(form.title, { label: 'tiêu đề trang', max: 200 });
    if (title.error) errors.title = title.error;
    const slug = (form.slug.trim() || slugify(title.value)).toLowerCase();
    if (!slug) errors.slug = 'Vui lòng nhập đường dẫn (chữ thường không dấu).';
    else if (slug.length > 80) errors.slug = 'Đường dẫn dài tối đa 80 ký tự.';
    else if (!SLUG_RE.test(slug)) errors.slug = SLUG_MESSAGE;
    else {
      const taken = await tx.selectFrom('pages').select('id').where('site_id', '=', site.id).where('slug', '=', slug).executeTakeFirst();
      if (taken && taken.id !== id) errors.slug = `Đường dẫn “${slug}” đã được dùng cho trang khác.`;
    }
    if (form.body.length > BODY_MAX) errors.body = 'Nội dung trang quá dài.';
    const body_html = sanitizeArticleHtml(form.body);
    if (!errors.body && !body_html.replace(/<[^>]*>/g, '').trim()) errors.body = 'Vui lòng nhập nội dung trang.';
    if (Object.keys(errors).length) return fail(errors);

    const values = { title: title.value, slug, body_html, updated_at: now.toISOString() };
    let savedId: number;
    if (before === null) {
      const position = await nextPosition(tx, 'pages', site.id);
      savedId = (await tx.insertInto('pages').values({ ...values, site_id: site.id, position }).returning('id').executeTakeFirstOrThrow()).id;
    } else {
      savedId = before.id;
      await tx.updateTable('pages').set(values).where('site_id', '=', site.id).where('id', '=', savedId).execute();
      if (before.slug !== slug) await recordMove(tx, site.id, urls.page(before.slug), urls.page(slug), now);
    }
    await writeAudit(
      tx,
      {
        siteId: site.id, userId: actor.userId, action: before ? 'page.update' : 'page.create', entityType: 'page', entityId: savedId,
        before: before ? { title: before.title, slug: before.slug, body_html: before.body_html } : undefined,
        after: { title: values.title, slug, body_html },
      },
      now,
    );
    return { ok: true, value: savedId };
  });
  if (result.ok) cx.cache.purgeSite(site.id);
  return result;
}
