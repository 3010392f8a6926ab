import { urls } from '../../kernel/http/urls.js';

type ArticleRef = { id: number; slug: string };

/** The article's own file and print view, beside its page (purged with it: purge.ts). */
export const articlePaths = {
  /** "Lưu bài viết": the article as a PDF file. */
  save: (a: ArticleRef) => `${urls.article(a)}/luu.pdf`,
  /** "In bài viết": the printable page, without menus or widgets. */
  print: (a: ArticleRef) => `${urls.article(a)}/in`,
};
