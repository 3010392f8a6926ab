import type { ComponentChildren } from 'preact';
import type { PublicSection } from '../../../kernel/feature.js';
import type { Frame } from '../../../kernel/views/public/frame.js';
import { Layout } from '../../../kernel/views/public/layout.js';
import { DISCLOSURE_HUB } from '../../../kernel/views/public/widgets.js';

/** The page of one disclosure section: under the hub in the breadcrumb, its heading, its content. */
export function SectionPage({ frame, section, description, children }: { frame: Frame; section: PublicSection; description: string; children: ComponentChildren }) {
  return (
    <Layout
      frame={frame}
      meta={{ title: section.label, canonicalPath: section.path, current: `sec:${section.key}`, description }}
      crumbs={[{ name: 'Trang chủ', href: '/' }, { name: 'Công khai – minh bạch', href: DISCLOSURE_HUB }, { name: section.label, href: section.path }]}
    >
      <article class="disclosure">
        <h1 class="page-title">{section.label}</h1>
        {children}
      </article>
    </Layout>
  );
}
