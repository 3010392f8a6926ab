/** Addresses of Thư viện ảnh. The album's id routes; its slug is only canonicalised. */
export const ALBUMS_PATH = '/thu-vien-anh';
export const ALBUMS_ADMIN_PATH = '/quan-tri/thu-vien-anh';

export const albumUrl = (a: { id: number; slug: string }) => `${ALBUMS_PATH}/${a.slug ? `${a.slug}-` : ''}${a.id}`;
/** Each photo has its own page (the viewer works without JavaScript): position 1, 2, … */
export const photoUrl = (a: { id: number; slug: string }, position: number) => `${albumUrl(a)}/anh-${position}`;
