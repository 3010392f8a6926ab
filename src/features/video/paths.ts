import type { ClipKind } from '../../kernel/db/tables/gallery.js';

/** Addresses of Video and Bản tin phát thanh. The id routes; the slug is only canonicalised. */
export const SECTION_PATH: Record<ClipKind, string> = { video: '/video', audio: '/phat-thanh' };
export const ADMIN_PATH: Record<ClipKind, string> = { video: '/quan-tri/video', audio: '/quan-tri/phat-thanh' };
export const SECTION_NAME: Record<ClipKind, string> = { video: 'Video', audio: 'Bản tin phát thanh' };

export const clipUrl = (c: { kind: ClipKind; id: number; slug: string }) => `${SECTION_PATH[c.kind]}/${c.slug ? `${c.slug}-` : ''}${c.id}`;

/** The only origin a page may frame, and only a page that shows a YouTube video. */
export const YOUTUBE_EMBED_ORIGIN = 'https://www.youtube-nocookie.com';
export const youtubeWatchUrl = (id: string) => `https://www.youtube.com/watch?v=${id}`;
export const youtubeEmbedUrl = (id: string) => `${YOUTUBE_EMBED_ORIGIN}/embed/${id}?autoplay=1`;
