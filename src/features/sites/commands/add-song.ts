import { writeAudit } from '../../../kernel/audit.js';
import type { MediaStorage } from '../../../kernel/storage/media-storage.js';
import { uploadMedia, type UploadInput } from '../../media/commands/upload-media.js';
import { findMedia } from '../../media/repo.js';
import { sniffKindFromHead } from '../../media/sniff.js';
import { nextPosition } from '../../../kernel/db/ordering.js';
import { fail, line, type FieldErrors } from '../../../kernel/forms.js';
import { assertSiteAdmin, type CommandContext, type CommandResult } from './context.js';

export interface SongForm {
  title: string;
  artist: string;
}

export const EMPTY_SONG: SongForm = { title: '', artist: '' };
export const NOT_AUDIO = 'Tệp đã chọn không phải bài hát MP3 hoặc OGG.';

export function songFieldErrors(form: SongForm): { values: SongForm; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const title = line(form.title, { label: 'tên bài hát', max: 200 });
  if (title.error) errors.title = title.error;
  const artist = line(form.artist, { label: 'tên người thể hiện', max: 200, optional: true });
  if (artist.error) errors.artist = artist.error;
  return { values: { title: title.value, artist: artist.value }, errors };
}

/**
 * Adds an uploaded song at the end of the playlist. The file goes through the media library's
 * upload (type from its bytes, size limit, random stored name, its own transaction and audit
 * row), so it also appears in the library, which knows the song plays it. Only audio is taken:
 * everything is checked before the upload, so bad input stores nothing. The playlist row and
 * its audit row are then one transaction; should that fail, the file stays an ordinary,
 * unused library item rather than a half-made song.
 */
export async function addSong(cx: CommandContext, store: MediaStorage, form: SongForm, file: UploadInput['file']): Promise<CommandResult> {
  assertSiteAdmin(cx);
  const { db, site, actor, now } = cx;
  const { values, errors } = songFieldErrors(form);
  if (!file || file.data.length === 0) errors.file = 'Vui lòng chọn tệp bài hát (MP3 hoặc OGG).';
  else if (sniffKindFromHead(file.data) !== 'audio') errors.file = NOT_AUDIO;
  if (Object.keys(errors).length) return fail(errors);

  const uploaded = await uploadMedia({ db, site, actor, now, media: store }, { file, title: values.title, alt: '' });
  if (!uploaded.ok) return fail(uploaded.errors.file ? { file: uploaded.errors.file } : uploaded.errors);
  const media = (await findMedia(db, site.id, uploaded.value))!;

  const id = await db.transaction().execute(async (tx) => {
    const position = await nextPosition(tx, 'songs', site.id);
    const row = { title: values.title, artist: values.artist, file_path: media.disk_path, mime: media.mime, position };
    const { id } = await tx.insertInto('songs').values({ ...row, site_id: site.id }).returning('id').executeTakeFirstOrThrow();
    await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: 'song.create', entityType: 'song', entityId: id, after: { ...row, media_id: media.id } }, now);
    return id;
  });
  cx.cache.purgeSite(site.id);
  return { ok: true, value: id };
}
