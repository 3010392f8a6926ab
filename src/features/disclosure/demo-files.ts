import type { Db } from '../../kernel/db/connection.js';
import type { DemoTarget } from '../../kernel/feature.js';
import { searchFold, slugify } from '../../kernel/lib/text.js';
import { minimalPdf } from '../documents/pdf.js';

/**
 * A small PDF in the site's file library for a demo notice, so that its attachment link opens a
 * real file: returns the line "name | /media/…" of the notice's links.
 */
export async function demoAttachment(db: Db, t: DemoTarget, name: string, lines: string[]): Promise<string> {
  const path = `${t.demo.code}/cong-khai/${slugify(name, 60)}.pdf`;
  const pdf = minimalPdf(lines);
  await t.media.put(path, pdf, 'application/pdf');
  const original = `${name}.pdf`;
  await db
    .insertInto('media')
    .values({ site_id: t.siteId, kind: 'document', original_name: original, title: name, name_fold: searchFold(`${name} ${original}`), disk_path: path, mime: 'application/pdf', bytes: pdf.length, width: null, height: null, uploaded_by: null, created_at: t.now.toISOString() })
    .execute();
  return `${name} (PDF) | /media/${path}`;
}
