import { urls } from '../../kernel/http/urls.js';
import { nextPosition } from '../../kernel/db/ordering.js';
import { slugify } from '../../kernel/lib/text.js';
import { importBody } from './bodies.js';
import type { CleanPage } from './plan.js';
import { count, recordOldUrls, skip, type WriteContext } from './write-context.js';

/**
 * Static pages. Cổng's pages are one flat list (the footer lists them), so the source's
 * hierarchy becomes its order: each parent followed by its children, siblings by their
 * `position` then as in the file, after the site's own pages. Pages have no drafts in Cổng:
 * only "published" pages are imported; the rest are skipped with the reason. A page of an
 * earlier run keeps its slug (its address) and gets the new title and body. A new page whose
 * slug the site already uses gets "-2", "-3": a site's own "Giới thiệu" is not overwritten.
 */
export async function writePages(cx: WriteContext): Promise<void> {
  const { tx, site } = cx;
  const stamp = cx.now.toISOString();
  const existing = await tx.selectFrom('pages').select(['id', 'slug']).where('site_id', '=', site.id).execute();
  const taken = new Set(existing.map((p) => p.slug));
  let position = await nextPosition(tx, 'pages', site.id);

  for (const p of treeOrder(cx.plan.pages)) {
    if (p.status !== 'published') {
      skip(cx, 'page', p.id, `trang có trạng thái “${p.status}”: Cổng chỉ nhập trang đã công khai (published)`);
      cx.tick();
      continue;
    }
    const body_html = importBody(p.bodyHtml, cx.files);
    const earlier = cx.items.get('page', p.id);
    const before = earlier === undefined ? undefined : existing.find((e) => e.id === earlier);
    let slug: string;
    let id: number;
    if (before) {
      ({ id, slug } = before);
      await tx.updateTable('pages').set({ title: p.title, body_html, updated_at: stamp }).where('site_id', '=', site.id).where('id', '=', id).execute();
      count(cx, 'page', true);
    } else {
      const wanted = p.slug ?? (slugify(p.title) || 'trang');
      slug = wanted;
      for (let n = 2; taken.has(slug); n++) slug = `${wanted.slice(0, 75)}-${n}`;
      taken.add(slug);
      id = (await tx.insertInto('pages').values({ site_id: site.id, slug, title: p.title, body_html, position: position++, updated_at: stamp }).returning('id').executeTakeFirstOrThrow()).id;
      count(cx, 'page', false);
    }
    cx.items.set('page', p.id, id);
    recordOldUrls(cx, p.oldUrls, urls.page(slug));
    cx.tick();
  }
}

/** Depth first: each page followed by its children, siblings by position, then file order. */
function treeOrder(pages: Map<string, CleanPage>): CleanPage[] {
  const children = new Map<string | null, CleanPage[]>();
  for (const p of pages.values()) {
    const key = p.parent !== null && pages.has(p.parent) ? p.parent : null;
    children.set(key, [...(children.get(key) ?? []), p]);
  }
  for (const list of children.values()) list.sort((a, b) => (a.position ?? Infinity) - (b.position ?? Infinity) || a.line - b.line);
  const out: CleanPage[] = [];
  const visit = (parent: string | null) => {
    for (const p of children.get(parent) ?? []) {
      out.push(p);
      visit(p.id);
    }
  };
  visit(null);
  return out;
}
