import type { Db } from '../../kernel/db/connection.js';
import { urls } from '../../kernel/http/urls.js';
import type { PublicSection } from '../../kernel/feature.js';
import type { MenuLink } from '../../kernel/views/public/frame.js';

/** One entry of the header menu, resolved to what it points at. */
export interface MenuEntry extends MenuLink {
  id: number;
  kind: 'category' | 'page' | 'section';
  /** The category or page id; 0 for a section. */
  targetId: number;
  /** The section key (a feature's `section.key`) when kind is 'section'. */
  section?: string;
  label: string;
  slug: string;
  href: string;
  /** The key the public layout marks as current ("cat:<slug>" / "page:<slug>" / "sec:<key>"). */
  current: string;
}

/** The site's configured menu in order; empty when the site uses the default menu. */
export async function listMenu(db: Db, siteId: number, sections: readonly PublicSection[]): Promise<MenuEntry[]> {
  const rows = await db
    .selectFrom('menu_items as m')
    .leftJoin('categories as c', (j) => j.onRef('c.id', '=', 'm.category_id').onRef('c.site_id', '=', 'm.site_id'))
    .leftJoin('pages as p', (j) => j.onRef('p.id', '=', 'm.page_id').onRef('p.site_id', '=', 'm.site_id'))
    .select(['m.id', 'm.category_id', 'm.page_id', 'm.section', 'c.name as c_name', 'c.slug as c_slug', 'p.title as p_title', 'p.slug as p_slug'])
    .where('m.site_id', '=', siteId)
    .orderBy('m.position')
    .orderBy('m.id')
    .execute();
  const out: MenuEntry[] = [];
  for (const r of rows) {
    if (r.category_id !== null && r.c_slug) {
      out.push({ id: r.id, kind: 'category', targetId: r.category_id, label: r.c_name ?? '', slug: r.c_slug, href: urls.category(r.c_slug), current: `cat:${r.c_slug}` });
    } else if (r.page_id !== null && r.p_slug) {
      out.push({ id: r.id, kind: 'page', targetId: r.page_id, label: r.p_title ?? '', slug: r.p_slug, href: urls.page(r.p_slug), current: `page:${r.p_slug}` });
    } else if (r.section) {
      const s = sections.find((x) => x.key === r.section);
      if (s) out.push({ id: r.id, kind: 'section', targetId: 0, section: s.key, label: s.label, slug: s.key, href: s.path, current: `sec:${s.key}` });
    }
  }
  return out;
}
