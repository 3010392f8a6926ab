import type { PageRow } from '../../db/schema.js';
import type { Frame } from '../frame.js';
import { urls } from '../urls.js';
import { Layout } from './layout.js';
import { SanitizedBody } from './trusted-html.js';

export function StaticPage({ frame, page }: { frame: Frame; page: PageRow }) {
  const path = urls.page(page.slug);
  return (
    <Layout
      frame={frame}
      meta={{ title: page.title, canonicalPath: path, current: `page:${page.slug}` }}
      crumbs={[{ name: 'Trang chủ', href: '/' }, { name: page.title, href: path }]}
    >
      <article class="article">
        <h1 class="article-title">{page.title}</h1>
        <SanitizedBody className="article-body" html={page.body_html} />
      </article>
    </Layout>
  );
}
