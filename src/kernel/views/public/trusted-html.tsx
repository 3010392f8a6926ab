/**
 * The one place raw HTML enters a page: article and page bodies that were sanitized by
 * sanitizeArticleHtml() before they were stored, and JSON-LD with "<" escaped.
 */
export function SanitizedBody({ html, className }: { html: string; className?: string }) {
  return <div class={className} dangerouslySetInnerHTML={{ __html: html }} />;
}

export function JsonLd({ data }: { data: unknown }) {
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: json }} />;
}
