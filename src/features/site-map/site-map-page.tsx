import type { ComponentChildren } from 'preact';
import type { CategoryRow } from '../../kernel/db/schema.js';
import { urls } from '../../kernel/http/urls.js';
import type { Frame } from '../../kernel/views/public/frame.js';
import { Layout } from '../../kernel/views/public/layout.js';
import { SEARCH_PATH } from '../../kernel/views/public/search-box.js';
import { childrenOf } from '../articles/category-tree.js';

const TITLE = 'Sơ đồ trang';

/**
 * Every place of the site, grouped under headings: the news categories as a nested list (the
 * tree editors built), the sections of the local government, the static pages, and the rest
 * (search, map, feeds, the English pages). Plain links: nothing here needs JavaScript.
 */
export function SiteMapPage({ frame }: { frame: Frame }) {
  const path = urls.siteMap();
  return (
    <Layout
      frame={frame}
      meta={{ title: TITLE, canonicalPath: path, description: `Danh sách các chuyên mục, mục thông tin và trang của ${frame.site.name}.` }}
      crumbs={[{ name: 'Trang chủ', href: '/' }, { name: TITLE, href: path }]}
    >
      <div class="site-map">
        <h1 class="page-title">{TITLE}</h1>
        <Group id="sdt-chuyen-muc" heading="Tin tức theo chuyên mục">
          <p><a href="/">Trang chủ</a></p>
          <CategoryTree categories={frame.categories} />
        </Group>
        {frame.sections.length > 0 && (
          <Group id="sdt-chinh-quyen" heading="Thông tin chính quyền">
            <ul>{frame.sections.map((s) => <li><a href={s.path}>{s.label}</a></li>)}</ul>
          </Group>
        )}
        {frame.pages.length > 0 && (
          <Group id="sdt-trang" heading="Trang thông tin">
            <ul>{frame.pages.map((p) => <li><a href={urls.page(p.slug)}>{p.title}</a></li>)}</ul>
          </Group>
        )}
        <Group id="sdt-tien-ich" heading="Tiện ích">
          <ul>
            <li><a href={SEARCH_PATH}>Tìm kiếm</a></li>
            <li><a href={urls.map()}>Bản đồ</a></li>
            <li><a href={urls.feed()}>Tin mới qua RSS</a></li>
            <li><a href={urls.sitemap()}>Sơ đồ trang dạng XML (cho máy tìm kiếm)</a></li>
            {frame.englishHome && <li><a href={frame.englishHome} hreflang="en" lang="en">English</a></li>}
          </ul>
        </Group>
      </div>
    </Layout>
  );
}

function Group({ id, heading, children }: { id: string; heading: string; children: ComponentChildren }) {
  return (
    <section class="site-map-group" aria-labelledby={id}>
      <h2 id={id} class="section-title">{heading}</h2>
      {children}
    </section>
  );
}

/**
 * The categories as nested lists: a sub-category's list sits inside its parent's item. A category
 * no walk from the top reaches (a damaged cycle) is still listed, at the top level.
 */
function CategoryTree({ categories }: { categories: CategoryRow[] }) {
  const children = childrenOf(categories);
  const seen = new Set<number>();
  const item = (c: CategoryRow) => {
    seen.add(c.id);
    const sub = (children.get(c.id) ?? []).filter((x) => !seen.has(x.id));
    return (
      <li>
        <a href={urls.category(c.slug)}>{c.name}</a>
        {sub.length > 0 && <ul>{sub.map(item)}</ul>}
      </li>
    );
  };
  const top = (children.get(null) ?? []).map(item);
  const stray = [];
  for (const c of categories) if (!seen.has(c.id)) stray.push(item(c));
  if (!top.length && !stray.length) return null;
  return <ul class="site-map-tree">{top}{stray}</ul>;
}
