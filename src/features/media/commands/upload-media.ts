import { writeAudit } from '../../../kernel/audit.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { nfc, searchFold } from '../../../kernel/lib/text.js';
import { EXT_OF, processImage, type ImageOutput } from '../images.js';
import { mediaPolicy } from '../policy.js';
import { formatBytes } from '../present.js';
import type { MediaVariant } from '../../../kernel/db/tables/media.js';
import { sniff, sniffKindFromHead, TYPES_BY_EXT, type FileType, type MediaKind } from '../sniff.js';
import { newStem, removeFiles, writeFiles } from '../storage.js';
import type { CommandResult, MediaCommandContext } from './context.js';

const MB = 1024 * 1024;

/** Largest accepted file of each kind, in bytes (tests lower them). */
export const UPLOAD_LIMITS: Record<MediaKind, number> = { image: 15 * MB, document: 30 * MB, audio: 30 * MB, video: 100 * MB };
export const FIELD_LIMITS = { title: 200, alt: 300, originalName: 255 };

export const UNSUPPORTED_MESSAGE =
  'Định dạng tệp không được hỗ trợ. Chỉ nhận ảnh JPEG, PNG, WebP, GIF; tài liệu PDF, DOC, DOCX, XLS, XLSX; âm thanh MP3, OGG; video MP4, WebM.';
const KIND_WORDS: Record<MediaKind, string> = { image: 'ảnh', document: 'tài liệu', audio: 'âm thanh', video: 'video' };
export const tooLargeMessage = (kind: MediaKind) => `Tệp quá lớn: ${KIND_WORDS[kind]} tối đa ${formatBytes(UPLOAD_LIMITS[kind])}.`;

export interface UploadInput {
  /** The uploaded file as received; `truncated` when it went past the request's size limit. */
  file: { name: string; data: Buffer; truncated: boolean } | null;
  title: string;
  alt: string;
}

/** The name as the uploader's computer called it: NFC, no path, no control characters. */
export function displayName(raw: string): string {
  const base = nfc(raw).split(/[\\/]/).pop() ?? '';
  return base.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, FIELD_LIMITS.originalName);
}

function checkFile(input: UploadInput): { type: FileType } | { error: string } {
  const f = input.file;
  if (!f || (!f.name && f.data.length === 0)) return { error: 'Vui lòng chọn tệp để tải lên.' };
  if (f.data.length === 0) return { error: 'Tệp rỗng.' };
  if (f.truncated) {
    const kind = sniffKindFromHead(f.data);
    return { error: kind ? tooLargeMessage(kind) : UNSUPPORTED_MESSAGE };
  }
  const type = sniff(f.data);
  if (!type) return { error: UNSUPPORTED_MESSAGE };
  if (f.data.length > UPLOAD_LIMITS[type.kind]) return { error: tooLargeMessage(type.kind) };
  return { type };
}

/**
 * Stores an uploaded file: checks it, makes the image sizes, writes the files, then the row and
 * its audit row in one transaction. Bad input writes nothing; a failed insert removes the files.
 */
export async function uploadMedia(cx: MediaCommandContext, input: UploadInput): Promise<CommandResult> {
  const { db, site, actor, now, media } = cx;
  if (!mediaPolicy.upload(actor, site.id)) throw new AppError('forbidden');
  const errors: Record<string, string> = {};
  const checked = checkFile(input);
  if ('error' in checked) errors.file = checked.error;
  const title = nfc(input.title).trim();
  const alt = nfc(input.alt).trim();
  if (title.length > FIELD_LIMITS.title) errors.title = `Tiêu đề tối đa ${FIELD_LIMITS.title} ký tự.`;
  if (alt.length > FIELD_LIMITS.alt) errors.alt = `Mô tả ảnh tối đa ${FIELD_LIMITS.alt} ký tự.`;
  else if ('type' in checked && checked.type.kind === 'image' && !alt) errors.alt = 'Vui lòng nhập mô tả ảnh.';
  if (Object.keys(errors).length || !('type' in checked)) return { ok: false, errors };

  const { type } = checked;
  const file = input.file!;
  const originalName = displayName(file.name) || `tep.${type.ext}`;
  let width: number | null = null;
  let height: number | null = null;
  let outputs: { suffix: string; ext: string; data: Buffer; variant?: Omit<MediaVariant, 'path' | 'bytes'> }[];
  if (type.kind === 'image') {
    const img = await processImage(file.data);
    if (!img.ok) return { ok: false, errors: { file: img.error } };
    ({ width, height } = img);
    const out = (o: ImageOutput, variant: boolean) => ({
      suffix: o.suffix,
      ext: EXT_OF[o.format],
      data: o.data,
      variant: variant ? { format: o.format, width: o.width, height: o.height } : undefined,
    });
    outputs = [out(img.main, false), ...img.variants.map((v) => out(v, true))];
  } else {
    outputs = [{ suffix: '', ext: type.ext, data: file.data }];
  }

  const stem = newStem(site.code, originalName, now);
  const files = outputs.map((o) => ({ ...o, path: `${stem}${o.suffix}.${o.ext}`, contentType: TYPES_BY_EXT[o.ext]!.mime }));
  const main = files[0]!;
  const variants: MediaVariant[] = files.filter((f) => f.variant).map((f) => ({ path: f.path, ...f.variant!, bytes: f.data.length }));
  const row = {
    site_id: site.id,
    kind: type.kind,
    original_name: originalName,
    title: title || originalName.replace(/\.[^.]*$/, '') || originalName,
    alt: type.kind === 'image' ? alt : '',
    disk_path: main.path,
    // The main file of an image is the original or its re-encode in the same format.
    mime: type.mime,
    bytes: main.data.length,
    width,
    height,
    variants: JSON.stringify(variants),
    uploaded_by: actor.userId,
    created_at: now.toISOString(),
  };
  const record = { ...row, name_fold: searchFold(`${row.title} ${originalName}`) };

  await writeFiles(media, files);
  try {
    const id = await db.transaction().execute(async (tx) => {
      const { id } = await tx.insertInto('media').values(record).returning('id').executeTakeFirstOrThrow();
      await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: 'media.upload', entityType: 'media', entityId: id, after: { ...row, variants } }, now);
      return id;
    });
    return { ok: true, value: id };
  } catch (err) {
    await removeFiles(media, files.map((f) => f.path));
    throw err;
  }
}
