import { mediaUrl } from '../media/present.js';
import type { PreparedFiles } from './prepare-files.js';
import { count, recordOldUrls, type WriteContext } from './write-context.js';

/**
 * The media library rows of the files stored before the transaction (documents' attached files
 * are written with their documents). Each file's old addresses lead to its new URL, and bodies
 * written after this point link to it.
 */
export async function writeMedia(cx: WriteContext, prepared: PreparedFiles): Promise<void> {
  const stamp = cx.now.toISOString();
  for (const p of prepared.media.values()) {
    let url: string;
    if (p.existing) {
      url = p.existing.url;
      count(cx, 'file', true);
    } else {
      const row = p.row!;
      const { id } = await cx.tx
        .insertInto('media')
        .values({ ...row, site_id: cx.site.id, uploaded_by: null, created_at: stamp })
        .returning('id')
        .executeTakeFirstOrThrow();
      cx.items.set('media', p.rec.id, id);
      url = mediaUrl(row.disk_path);
      count(cx, 'file', false);
    }
    cx.files.add(p.rec.oldUrls, url);
    recordOldUrls(cx, p.rec.oldUrls, url);
  }
}

/** The media id and kind of a file record (for covers), from this run or an earlier one. */
export async function mediaOf(cx: WriteContext, prepared: PreparedFiles, fileId: string): Promise<{ id: number; kind: string } | null> {
  const p = prepared.media.get(fileId);
  if (p?.existing) return p.existing;
  const id = cx.items.get('media', fileId);
  if (id === undefined) return null;
  if (p?.row) return { id, kind: p.row.kind };
  const row = await cx.tx.selectFrom('media').select(['id', 'kind']).where('site_id', '=', cx.site.id).where('id', '=', id).executeTakeFirst();
  return row ?? null;
}
