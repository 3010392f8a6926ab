import type { Generated, Selectable } from 'kysely';

/** Thư viện ảnh, Video and Bản tin phát thanh: row types (migration 0024-gallery). */
export interface GalleryTables {
  albums: AlbumsTable;
  album_photos: AlbumPhotosTable;
  clips: ClipsTable;
}

export interface AlbumsTable {
  id: Generated<number>;
  site_id: number;
  title: string;
  /** Lowercase ASCII from the title; the id routes, the slug is only canonicalised. */
  slug: string;
  description: string;
  /** Local day the photos were taken, "YYYY-MM-DD", or '' when not given. */
  taken_on: string;
  /** 1: shown on /thu-vien-anh; 0: a draft. */
  published: number;
  created_at: string;
  updated_at: string;
}

/** One picture of an album: an image of the site's library with its own caption and alt text. */
export interface AlbumPhotosTable {
  id: Generated<number>;
  site_id: number;
  album_id: number;
  media_id: number;
  /** 1-based order in the album; the photo's page is /thu-vien-anh/<album>/anh-<position>. */
  position: number;
  caption: string;
  /** Required: what the picture shows, for people who cannot see it. */
  alt: string;
}

export type ClipKind = 'video' | 'audio';

/**
 * A video (an uploaded MP4/WebM file or a YouTube video) or an audio bulletin of the ward's
 * loudspeakers (an uploaded MP3/OGG file).
 */
export interface ClipsTable {
  id: Generated<number>;
  site_id: number;
  kind: ClipKind;
  title: string;
  slug: string;
  /** What is said: the transcript or summary (bulletins), or a description (videos). */
  summary: string;
  /** The 11-character YouTube id, or '' for an uploaded file. */
  youtube_id: string;
  /** The uploaded file in the library, or null for a YouTube video. */
  media_id: number | null;
  /** The picture shown before playing. */
  poster_media_id: number | null;
  /** Local day of the recording or broadcast, "YYYY-MM-DD". */
  recorded_on: string;
  published: number;
  created_at: string;
  updated_at: string;
}

export type AlbumRow = Selectable<AlbumsTable>;
export type AlbumPhotoRow = Selectable<AlbumPhotosTable>;
export type ClipRow = Selectable<ClipsTable>;
