import { existsSync, statSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { escapeHtml } from '../../kernel/lib/html.js';
import { slugify } from '../../kernel/lib/text.js';
import { ImportError } from './import-error.js';
import type { ArticleRecord, CategoryRecord, FileRecord, ImportRecord } from './records.js';

type Numbered = { record: ImportRecord; line: number };
type Node = Record<string, unknown>;

/**
 * An RSS 2.0 or Atom 1.0 feed as import records: what an old portal still exposes when nothing
 * else can be had. The source is named after the host of the feed's link; each item's guid (or
 * link, or Atom id) is its id and its link its old address; category elements become categories
 * (items without one go to "Tin tức"); the body is content:encoded / Atom content, or else the
 * description / summary. Images (enclosures, media:content, inline <img>) are taken only from
 * `filesDir`, found by their URL's path or file name: nothing is downloaded. Every item is
 * published; its line is the line its <item> or <entry> starts on.
 */
export function feedRecords(xml: string, filesDir?: string): Numbered[] {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw ImportError.at(valid.err.line, null, null, `tệp XML không hợp lệ (${valid.err.msg}).`);
  const doc = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseTagValue: false,
    parseAttributeValue: false,
    processEntities: true,
    htmlEntities: true,
    // Atom's content may be XHTML markup: kept as written, decoded below by its type.
    stopNodes: ['feed.entry.content'],
    isArray: (name) => ['item', 'entry', 'category', 'link', 'enclosure', 'media:content', 'media:thumbnail'].includes(name),
  }).parse(xml) as Node;
  const itemLines = lineNumbers(xml, /<(item|entry)[\s>]/g);
  const rss = (doc.rss as Node | undefined)?.channel as Node | undefined;
  const atom = doc.feed as Node | undefined;
  if (!rss && !atom) throw new ImportError('Tệp không phải nguồn tin RSS 2.0 hoặc Atom 1.0 (không có <rss><channel> hay <feed>).', 1);
  const entries = ((rss ? rss.item : atom!.entry) ?? []) as Node[];
  const feedLink = rss ? text(rss.link) : atomLink(atom!.link);
  const host = hostOf(feedLink) ?? entries.map((e) => hostOf(rss ? text(e.link) : atomLink(e.link))).find(Boolean);
  if (!host) throw new ImportError('Không xác định được tên miền của nguồn tin: kênh và các mục không có liên kết http(s).', 1);

  const out: Numbered[] = [{ record: { type: 'source', id: `feed:${host}`, host, timezone: 'Asia/Ho_Chi_Minh' }, line: 1 }];
  const categories = new Map<string, Numbered>();
  const files = new Map<string, Numbered>();
  entries.forEach((e, i) => {
    const line = itemLines[i] ?? 1;
    const link = rss ? text(e.link) : atomLink(e.link);
    const id = (rss ? text(e.guid) : text(e.id)) || link;
    const names = ((e.category ?? []) as unknown[]).map((c) => (rss ? text(c) : text((c as Node)['@label']) || text((c as Node)['@term']))).filter(Boolean);
    if (!names.length) names.push('Tin tức');
    const catIds = names.map((name) => {
      const cid = slugify(name) || name;
      if (!categories.has(cid)) categories.set(cid, { record: { type: 'category', id: cid, name } satisfies CategoryRecord, line });
      return cid;
    });
    const summary = rss ? text(e.description) : atomText(e.summary);
    const content = rss ? text(e['content:encoded']) : atomText(e.content);
    let bodyHtml = content || summary;
    if (bodyHtml && !/<[a-z][^>]*>/i.test(bodyHtml)) bodyHtml = `<p>${bodyHtml}</p>`;
    const date = rss ? text(e.pubDate) || text(e['dc:date']) : text(e.published) || text(e.updated);
    const cover = [...((e.enclosure ?? []) as Node[]), ...((e['media:content'] ?? []) as Node[]), ...((e['media:thumbnail'] ?? []) as Node[])]
      .filter((m) => !m['@type'] || /^image\//.test(text(m['@type'])) || /\.(jpe?g|png|gif|webp)(\?|$)/i.test(text(m['@url'])))
      .map((m) => text(m['@url']))
      .find(Boolean);
    const fileId = (url: string) => {
      const path = filesDir ? findLocal(filesDir, url) : null;
      if (!path) return null;
      if (!files.has(url)) files.set(url, { record: { type: 'file', id: url, path, oldUrls: [url] } satisfies FileRecord, line });
      return url;
    };
    for (const m of bodyHtml.matchAll(/<img\b[^>]*\ssrc\s*=\s*["']([^"']+)["']/gi)) fileId(m[1]!);
    const article: ArticleRecord = {
      type: 'article',
      id,
      title: rss ? text(e.title) : atomText(e.title),
      // WordPress ends its excerpts with "[…]".
      sapo: content && summary ? stripTags(summary).replace(/\s*\[(…|\.\.\.)\]$/, '').slice(0, 1000) : undefined,
      bodyHtml,
      categories: catIds,
      publishedAt: isoDate(date),
      status: 'published',
      author: rss ? text(e['dc:creator']) || text(e.author) : text((e.author as Node | undefined)?.name),
      cover: (cover && fileId(cover)) || undefined,
      oldUrls: [...new Set([link, /^https?:\/\//.test(id) ? id : ''].filter(Boolean))],
    };
    out.push({ record: article, line });
  });
  // Categories and files first, in the order they were met; then the articles.
  return [out[0]!, ...categories.values(), ...files.values(), ...out.slice(1)];
}

/** A text node as parsed: a string, or an element with text and attributes. */
function text(v: unknown): string {
  if (Array.isArray(v)) return text(v[0]);
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return String(v);
  if (v && typeof v === 'object' && '#text' in v) return text((v as Node)['#text']);
  return '';
}

/** Atom text constructs (RFC 4287 3.1): type text, html or xhtml; content kept raw by stopNodes. */
function atomText(v: unknown): string {
  const type = v && typeof v === 'object' ? text((v as Node)['@type']) || 'text' : 'text';
  let raw = text(v);
  const cdata = /^<!\[CDATA\[([\s\S]*)\]\]>$/.exec(raw);
  if (cdata) raw = cdata[1]!;
  else if (type !== 'xhtml' && /&(lt|gt|amp|quot|#\d+|#x[0-9a-f]+);/i.test(raw) && /<|&lt;/.test(raw)) raw = decodeEntities(raw);
  if (type === 'xhtml') return raw.replace(/^<div\b[^>]*>([\s\S]*)<\/div>$/i, '$1').trim();
  return type === 'html' ? raw : escapeHtml(raw);
}

function atomLink(links: unknown): string {
  const list = (links ?? []) as Node[];
  const alternate = list.find((l) => !l['@rel'] || text(l['@rel']) === 'alternate');
  return text(alternate?.['@href']);
}

function hostOf(url: string): string | undefined {
  const m = /^https?:\/\/([^/?#:]+)/i.exec(url);
  return m ? m[1]!.toLowerCase() : undefined;
}

function isoDate(raw: string): string {
  if (!raw || /^\d{4}-\d{2}-\d{2}/.test(raw)) return raw;
  const t = Date.parse(raw);
  return Number.isNaN(t) ? raw : new Date(t).toISOString();
}

function stripTags(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
}

function decodeEntities(s: string): string {
  return s
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&amp;/g, '&');
}

/** Line numbers (1-based) of each match of `re` in the text. */
function lineNumbers(xml: string, re: RegExp): number[] {
  const out: number[] = [];
  let line = 1;
  let at = 0;
  for (const m of xml.matchAll(re)) {
    for (; at < m.index; at++) if (xml.charCodeAt(at) === 10) line++;
    out.push(line);
  }
  return out;
}

/** The file of `filesDir` a URL names: by its path ("/uploads/2024/a.jpg"), else by its file name. */
function findLocal(filesDir: string, url: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(new URL(url, 'http://x').pathname).replace(/^\/+/, '');
  } catch {
    return null;
  }
  const root = resolve(filesDir);
  for (const candidate of [path, path.split('/').pop() ?? '']) {
    if (!candidate) continue;
    const full = resolve(root, candidate);
    if (full.startsWith(root + sep) && existsSync(full) && statSync(full).isFile()) return full.slice(root.length + 1).split(sep).join('/');
  }
  return null;
}
