/**
 * The 11-character id of a YouTube video from what an editor pastes: the id itself, or a
 * youtube.com / youtu.be / youtube-nocookie.com address of a video (watch, embed, shorts, live).
 * Null for anything else: no other site is ever embedded.
 */
const ID = /^[A-Za-z0-9_-]{11}$/;

export function youtubeId(raw: string): string | null {
  const s = raw.trim();
  if (ID.test(s)) return s;
  let u: URL;
  try {
    u = new URL(/^https?:\/\//i.test(s) ? s : `https://${s}`);
  } catch {
    return null;
  }
  const host = u.hostname.toLowerCase().replace(/^(www\.|m\.)/, '');
  let id: string | null = null;
  if (host === 'youtu.be') id = u.pathname.slice(1).split('/')[0] ?? null;
  else if (host === 'youtube.com' || host === 'youtube-nocookie.com') {
    if (u.pathname === '/watch') id = u.searchParams.get('v');
    else id = /^\/(?:embed|shorts|live|v)\/([^/]+)/.exec(u.pathname)?.[1] ?? null;
  }
  return id && ID.test(id) ? id : null;
}
