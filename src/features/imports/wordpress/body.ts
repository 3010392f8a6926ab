import { escapeHtml } from '../../../kernel/lib/html.js';
import { autop } from './autop.js';

/**
 * A WordPress post body made ready for the import core's sanitiser (the editor's): block-editor
 * comments go, `[caption]` becomes a figure with its caption, `[gallery]` the images it showed,
 * classic-editor bodies get their paragraphs, and every other shortcode is taken out (the text it
 * enclosed stays) and named, so the import can report it.
 */
export interface CleanBody {
  html: string;
  /** Shortcodes taken out or turned into HTML, each name once, in order of appearance. */
  shortcodes: string[];
}

export interface GalleryImage {
  src: string;
  alt: string;
}

/** The images of a `[gallery]`: those of `ids`, or (no ids) the ones attached to the post. */
export type GalleryLookup = (ids: string[] | null) => GalleryImage[];

/** Shortcodes of WordPress itself and of the plugins a ward portal commonly had. */
const KNOWN = new Set(['audio', 'video', 'playlist', 'embed', 'gallery', 'caption', 'wp_caption', 'contact-form', 'contact-form-7', 'wpforms', 'ninja_form', 'pdf-embedder', 'googlemaps', 'youtube', 'slider', 'metaslider', 'table', 'download']);

const SHORTCODE = /\[(\[?)(\/?)([a-zA-Z][\w-]*)((?:\s[^[\]]*)?)(\/?)\](\]?)/g;

export function cleanBody(content: string, gallery: GalleryLookup): CleanBody {
  const shortcodes: string[] = [];
  const seen = (name: string) => {
    if (!shortcodes.includes(name)) shortcodes.push(name);
  };
  const blocks = /<!--\s*wp:/.test(content);
  let html = content
    .replace(/\u0000/g, '')
    .replace(/\r\n?/g, '\n')
    .replace(/<!--\s*\/?wp:[\s\S]*?-->/g, '')
    .replace(/<!--\s*(more|nextpage|noteaser)\b[^>]*-->/gi, '');
  // [[name]] is how WordPress writes a literal "[name]": kept aside until the shortcodes are done.
  const literals: string[] = [];
  html = html.replace(/\[(\[[a-zA-Z][^[\]]*\])\]/g, (_, inner: string) => `\u0000${literals.push(inner) - 1}\u0000`);

  html = html.replace(/\[caption([^\]]*)\]([\s\S]*?)\[\/caption\]/gi, (_, attrs: string, inner: string) => {
    seen('caption');
    const m = /^\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*<\/a>)?)([\s\S]*)$/i.exec(inner);
    if (!m) return inner;
    const text = m[2]!.trim() || escapeHtml(attribute(attrs, 'caption') ?? '');
    return `<figure>${m[1]}${text ? `<figcaption>${text}</figcaption>` : ''}</figure>`;
  });

  html = html.replace(/\[gallery([^\]]*)\]/gi, (_, attrs: string) => {
    seen('gallery');
    const ids = attribute(attrs, 'ids');
    const images = gallery(ids ? ids.split(',').map((s) => s.trim()).filter(Boolean) : null);
    return images.map((i) => `<figure><img src="${escapeHtml(i.src)}" alt="${escapeHtml(i.alt)}"></figure>`).join('\n');
  });

  html = html.replace(SHORTCODE, (whole, open: string, slash: string, name: string, attrs: string, self: string, close: string) => {
    const lower = name.toLowerCase();
    const isShortcode = KNOWN.has(lower) || /[-_]/.test(name) || attrs.includes('=') || slash === '/' || self === '/' || content.includes(`[/${name}]`);
    if (!isShortcode) return whole;
    seen(lower);
    return open + close;
  });

  html = html.replace(/\u0000(\d+)\u0000/g, (_, i: string) => literals[Number(i)]!);
  if (!blocks) html = autop(html);
  html = html
    .replace(/<p>(?:\s|&nbsp;|<br\s*\/?>)*<\/p>/gi, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
    .normalize('NFC');
  return { html, shortcodes };
}

/** The value of `name="…"` (or '…', or bare) in a shortcode's attribute text. */
function attribute(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|(\\S+))`, 'i').exec(attrs);
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}
