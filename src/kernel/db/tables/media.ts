import type { Generated, Selectable } from 'kysely';

/** What a stored file is, as sniffed from its bytes (src/features/media/sniff.ts). */
export type MediaKind = 'image' | 'document' | 'audio' | 'video';

/** Tables of the media library. */
export interface MediaTables {
  media: MediaTable;
}

export interface MediaTable {
  id: Generated<number>;
  site_id: number;
  kind: MediaKind;
  /** The file name as the uploader's computer called it (NFC), shown in the library. */
  original_name: string;
  title: string;
  /** Text alternative of an image for people who cannot see it; empty for other kinds. */
  alt: Generated<string>;
  /** searchFold(title + original name), for the library's search box. */
  name_fold: Generated<string>;
  /** The main file, relative to <dataDir>/media: "<site code>/<yyyy>/<mm>/<random>-<slug>.<ext>". */
  disk_path: string;
  mime: string;
  /** Size of the main file. */
  bytes: number;
  width: number | null;
  height: number | null;
  /** JSON array of MediaVariant: the responsive sizes and WebP copies made from an image. */
  variants: Generated<string>;
  uploaded_by: number | null;
  created_at: string;
}

export interface MediaVariant {
  path: string;
  format: 'jpeg' | 'png' | 'webp' | 'gif';
  width: number;
  height: number;
  bytes: number;
}

export type MediaRow = Selectable<MediaTable>;
