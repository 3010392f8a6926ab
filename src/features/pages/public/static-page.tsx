import type { PageRow } from '../../../kernel/db/schema.js';
import type { Frame } from '../../../kernel/views/public/frame.js';
import { urls } from '../../../kernel/http/urls.js';
import { Layout } from '../../../kernel/views/public/layout.js';
import { SanitizedBody } from '../../../kernel/views/public/trusted-html.js';

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
