/** Public URLs of the document library (the section's path is declared in documents/feature.ts). */
export const documentUrls = {
  list: () => '/van-ban',
  document: (d: { id: number; slug: string }) => `/van-ban/${d.slug}-${d.id}`,
  file: (f: { id: number }) => `/van-ban/tai-ve/${f.id}`,
  feed: () => '/van-ban/rss.xml',
};
