import { FILE_TYPES, sniffDisclosureFile, type DisclosureFileType } from '../budget/files.js';

/** A plan carries its map as a picture (PNG, JPEG) or PDF, and documents as the other disclosures do. */
export type PlanFileType = { ext: string; mime: string; label: string; picture: boolean };

export const PLAN_ACCEPT = '.png,.jpg,.jpeg,.pdf,.xlsx,.xls,.docx,.doc';
export const NOT_ACCEPTED = 'Tệp không phải ảnh bản đồ (PNG, JPEG), PDF, Excel hoặc Word. Vui lòng chọn đúng tệp.';

export function sniffPlanFile(buf: Buffer): PlanFileType | null {
  if (buf.length >= 8 && buf.subarray(0, 8).equals(Buffer.from('89504e470d0a1a0a', 'hex'))) return { ext: 'png', mime: 'image/png', label: 'Ảnh PNG', picture: true };
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return { ext: 'jpg', mime: 'image/jpeg', label: 'Ảnh JPEG', picture: true };
  const t: DisclosureFileType | null = sniffDisclosureFile(buf);
  return t ? { ...t, picture: false } : null;
}

export function fileLabel(ext: string): string {
  if (ext === 'png') return 'Ảnh PNG';
  if (ext === 'jpg') return 'Ảnh JPEG';
  return FILE_TYPES[ext as keyof typeof FILE_TYPES]?.label ?? ext.toUpperCase();
}
