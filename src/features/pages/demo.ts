import type { DemoSeeder } from '../../kernel/feature.js';
import { paragraphsToHtml, sanitizeArticleHtml } from '../../kernel/lib/html.js';
import { nfc } from '../../kernel/lib/text.js';

/** The demo site's static pages (Giới thiệu, Liên hệ…). */
export const seedPages: DemoSeeder = async (db, { siteId, demo, now }) => {
  const stamp = now.toISOString();
  for (const [i, p] of demo.pages.entries()) {
    await db
      .insertInto('pages')
      .values({ site_id: siteId, slug: p.slug, title: nfc(p.title), body_html: sanitizeArticleHtml(paragraphsToHtml(p.paragraphs)), position: i, updated_at: stamp })
      .execute();
  }
};
