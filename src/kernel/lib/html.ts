import type sanitizeHtml from 'sanitize-html';
import { onFirstUse } from './on-first-use.js';

const sanitizer = onFirstUse<typeof sanitizeHtml>('sanitize-html');

/** Escapes text for the few places that build HTML or XML outside Preact (feeds, seeding). */
export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export function paragraphsToHtml(paragraphs: string[]): string {
  return paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
}

const ALIGN_CLASSES = ['align-left', 'align-center', 'align-right', 'align-justify'];

function alignToClass(tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag {
  const m = /text-align\s*:\s*(left|right|center|justify)/i.exec(attribs.style ?? '');
  const existing = (attribs.class ?? '').split(/\s+/).find((c) => ALIGN_CLASSES.includes(c));
  const cls = m ? `align-${m[1]!.toLowerCase()}` : existing;
  return { tagName, attribs: cls ? { class: cls } : {} };
}

const ALLOWED: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'strong', 'b', 'em', 'i', 'u', 's', 'sub', 'sup', 'blockquote', 'h2', 'h3', 'h4',
    'ul', 'ol', 'li', 'a', 'img', 'figure', 'figcaption', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
    'caption', 'hr', 'span',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel', 'target'],
    img: ['src', 'alt', 'width', 'height', 'srcset', 'sizes', 'loading'],
    th: ['colspan', 'rowspan', 'scope'],
    td: ['colspan', 'rowspan'],
    p: ['class'],
    h2: ['class'],
    h3: ['class'],
  },
  // Our CSP forbids style attributes: alignment from the editor or from Word becomes a class.
  allowedClasses: { p: ALIGN_CLASSES, h2: ALIGN_CLASSES, h3: ALIGN_CLASSES },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  transformTags: {
    // Images come from the media library (root-relative) or an absolute http(s) address only.
    img: (tagName, attribs) => {
      const { src, ...rest } = attribs;
      return { tagName, attribs: src && /^(https?:\/\/|\/(?!\/))/i.test(src.trim()) ? { src: src.trim(), ...rest } : rest };
    },
    p: alignToClass,
    h2: alignToClass,
    h3: alignToClass,
    a: (tagName, attribs) => {
      const external = /^https?:\/\//i.test(attribs.href ?? '');
      return {
        tagName,
        attribs: external ? { ...attribs, rel: 'noopener noreferrer' } : attribs,
      };
    },
  },
};

/** Every stored article or page body goes through this, whatever the client sent. */
export function sanitizeArticleHtml(html: string): string {
  return sanitizer()(html.normalize('NFC'), ALLOWED);
}
