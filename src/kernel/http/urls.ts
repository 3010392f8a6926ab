/** The public URL scheme, in one place. The numeric id routes; the slug is cosmetic. */
export const urls = {
  home: () => '/',
  article: (a: { id: number; slug: string }) => `/bai-viet/${a.slug}-${a.id}`,
  category: (slug: string, page = 1) => (page > 1 ? `/chuyen-muc/${slug}/trang-${page}` : `/chuyen-muc/${slug}`),
  categoryFeed: (slug: string) => `/chuyen-muc/${slug}/rss.xml`,
  page: (slug: string) => `/trang/${slug}`,
  map: () => '/ban-do',
  staticMap: () => '/ban-do/ban-do.svg',
  feed: () => '/rss.xml',
  sitemap: () => '/sitemap.xml',
  /** The map of the site for people (the footer's "Sơ đồ trang"); /sitemap.xml is for search engines. */
  siteMap: () => '/so-do-trang',
  linkRedirect: () => '/lien-ket',
  song: (id: number) => `/bai-hat/${id}`,
};
