/**
 * Cleans HTML pasted from Microsoft Word, Google Docs and web pages before the editor parses it:
 * keeps the structure (paragraphs, headings, bold/italic/underline, lists, tables, links,
 * images on the web, alignment as a class) and drops everything else (mso-* styles, <o:p>,
 * conditional comments, <style>/<meta>/<link>, class="Mso…", spans and fonts, empty paragraphs).
 * Word's fake lists (paragraphs with mso-list and a typed marker) become real <ul>/<ol>.
 *
 * Pure function over DOMParser, so it runs in the browser only.
 */

const DROP = new Set(['script', 'style', 'meta', 'link', 'title', 'head', 'xml', 'template', 'noscript', 'iframe', 'object', 'embed', 'svg', 'math', 'form', 'input', 'button', 'select', 'textarea', 'canvas', 'video', 'audio']);
const BLOCKS_WITH_ALIGN = new Set(['p', 'h2', 'h3', 'h4']);
const ALIGNMENTS = ['left', 'center', 'right', 'justify'];
const KEEP_ATTRS: Record<string, string[]> = {
  a: ['href', 'title'],
  img: ['src', 'alt', 'width', 'height'],
  td: ['colspan', 'rowspan'],
  th: ['colspan', 'rowspan'],
};
const NBSP = /\u00a0/g;
/** Where defuseStyleAttributes() moves style="…". */
export const STYLE_ATTR = 'data-cong-style';

/** http(s), mailto, tel or a site-relative path ("/..."): the only link targets accepted. */
export function isSafeLinkUrl(url: string): boolean {
  const u = url.trim();
  return /^(https?:\/\/[^\s/?#]+|mailto:\S|tel:[+\d(])/i.test(u) || /^\/(?![/\\])/.test(u);
}

/** http(s) or a site-relative path: the only image sources accepted (no file:, data:, cid:). */
export function isSafeImageUrl(url: string): boolean {
  const u = url.trim();
  return /^https?:\/\/[^\s/?#]+/i.test(u) || /^\/(?![/\\])/.test(u);
}

/**
 * Prepares HTML for parsing under our CSP (style-src 'self', script-src 'self'): even in a
 * DOMParser document Chrome reports every style attribute, <style> element and on… handler as
 * a violation. So <style>/<script> blocks go, on… handlers are renamed away, and style="…"
 * becomes data-cong-style="…", which keeps the information (alignment, mso-list, bold…) for the
 * code that needs it. Whatever this misses is merely blocked by the CSP, never applied.
 */
export function defuseHtml(html: string): string {
  return html
    .replace(/<(style|script)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/(<[a-zA-Z][^<>]*?\s)style(\s*=)/g, `$1${STYLE_ATTR}$2`)
    .replace(/(<[a-zA-Z][^<>]*?\s)on([a-z]+\s*=)/gi, '$1data-cong-on$2');
}

export function cleanPastedHtml(html: string): string {
  // Word's conditional comments may hide whole blocks of VML/XML; drop them before parsing.
  const source = defuseHtml(html)
    .replace(/<!--\[if(?:(?!-->)[\s\S])*?<!\[endif\]-->/gi, '')
    .replace(/<!\[if !supportLists\]>/gi, '<!--[if !supportLists]-->')
    .replace(/<!\[endif\]>/gi, '<!--[endif]-->');
  const doc = new DOMParser().parseFromString(source, 'text/html');
  const body = doc.body;
  if (!body) return '';
  convertWordLists(doc, body);
  cleanNode(body);
  removeEmptyBlocks(body);
  return body.innerHTML.trim();
}

// ---------------------------------------------------------------------------------------------
// Word lists: <p class=MsoListParagraphCxSpFirst style='mso-list:l0 level1 lfo1'>
//   <![if !supportLists]><span style='mso-list:Ignore'>1.<span>&nbsp;</span></span><![endif]>Text</p>

/**
 * How a Word list item is kept. Bullets become <ul> and plain decimal numbers ("1.", "2)")
 * <ol>. Other numbering - letters and roman numerals ("a)", "II."), multi-level ("1.1.") or
 * parenthesised ("(1)") - has no HTML equivalent the sanitizer keeps (no type/start on <ol>) and
 * is cited in official texts ("điểm a khoản 1"), so the marker stays as typed text: under a list
 * item when nested in one, else as a paragraph of its own. Headings with numbering stay headings.
 */
type ListKind = 'ul' | 'ol' | 'text';

interface WordListInfo {
  id: string;
  level: number;
  kind: ListKind;
  marker: string;
}

function wordListInfo(p: Element): WordListInfo | null {
  const style = p.getAttribute(STYLE_ATTR) ?? '';
  const m = /mso-list\s*:\s*(l\d+)\s+level(\d+)\s*(lfo\d+)?/i.exec(style);
  if (!m) return null;
  const marker = takeWordListMarker(p);
  let kind: ListKind;
  if (/^h[1-6]$/i.test(p.tagName)) kind = 'text';
  else if (/^\d{1,3}[.)]$/.test(marker)) kind = 'ol';
  else if (/^[([]?(\d+(\.\d+)*|[a-zđ]|[ivxlcdm]{1,7})[.)\]]+$/i.test(marker)) kind = 'text';
  else kind = 'ul'; // "·", "o", "§", "•", "-", "+", "Ø"… (Symbol, Wingdings, Courier New)
  return { id: `${m[1]}-${m[3] ?? ''}`, level: Number(m[2]) || 1, kind, marker };
}

/** Removes the typed list marker from a Word list paragraph and returns its text. */
function takeWordListMarker(p: Element): string {
  let marker = '';
  // Between the comments <!--[if !supportLists]--> and <!--[endif]-->.
  const walker = p.ownerDocument.createTreeWalker(p, NodeFilter.SHOW_COMMENT);
  let start: Comment | null = null;
  for (let c = walker.nextNode() as Comment | null; c; c = walker.nextNode() as Comment | null) {
    if (/^\[if !supportLists\]$/i.test(c.data.trim())) {
      start = c;
      break;
    }
  }
  if (start) {
    let n = start.nextSibling;
    while (n && !(n.nodeType === Node.COMMENT_NODE && /^\[endif\]$/i.test((n as Comment).data.trim()))) {
      const next = n.nextSibling;
      marker += n.textContent ?? '';
      n.remove();
      n = next;
    }
  }
  // Without the comments (some Word versions), the marker is a span with mso-list:Ignore.
  for (const s of Array.from(p.querySelectorAll('span'))) {
    if (/mso-list\s*:\s*ignore/i.test(s.getAttribute(STYLE_ATTR) ?? '')) {
      marker += s.textContent ?? '';
      let gone: Element = s;
      // Remove wrapper spans left empty (the Symbol-font span around the marker).
      while (gone.parentElement && gone.parentElement !== p && gone.parentElement.tagName === 'SPAN' && (gone.parentElement.textContent ?? '') === (gone.textContent ?? '')) {
        gone = gone.parentElement;
      }
      gone.remove();
    }
  }
  return marker.replace(NBSP, ' ').replace(/\s+/g, ' ').trim();
}

function convertWordLists(doc: Document, root: Element): void {
  const paragraphs = Array.from(root.querySelectorAll('p, h1, h2, h3, h4, h5, h6'));
  let stack: { level: number; list: HTMLElement }[] = [];
  let lastId = '';
  let previous: Element | null = null;
  for (const p of paragraphs) {
    const info = wordListInfo(p);
    if (!info) continue;
    const continues = previous !== null && nextElement(previous) === p && info.id === lastId;
    if (!continues) stack = [];
    lastId = info.id;

    if (info.kind === 'text') {
      if (info.marker) p.insertBefore(doc.createTextNode(`${info.marker} `), p.firstChild);
      while (stack.length && stack[stack.length - 1]!.level >= info.level) stack.pop();
      const parentItem = /^p$/i.test(p.tagName) ? stack[stack.length - 1]?.list.lastElementChild : null;
      if (parentItem) {
        // "a) …" under "1. …": a paragraph of that list item, so the numbering goes on after it.
        parentItem.appendChild(p);
        previous = stack[0]!.list;
      } else {
        stack = [];
        previous = p;
      }
      continue;
    }

    while (stack.length && stack[stack.length - 1]!.level > info.level) stack.pop();
    let top = stack[stack.length - 1];
    if (top && top.level === info.level && top.list.localName !== info.kind) {
      // Bullets after numbers (or the reverse) at the same level: a new list beside the old one.
      stack.pop();
      const sibling = doc.createElement(info.kind);
      top.list.after(sibling);
      top = { level: info.level, list: sibling };
      stack.push(top);
    }
    let list: HTMLElement;
    if (!top) {
      list = doc.createElement(info.kind);
      p.before(list);
      stack.push({ level: info.level, list });
    } else if (top.level < info.level) {
      list = doc.createElement(info.kind);
      const parentItem = top.list.lastElementChild ?? top.list.appendChild(doc.createElement('li'));
      parentItem.appendChild(list);
      stack.push({ level: info.level, list });
    } else {
      list = top.list;
    }
    const li = doc.createElement('li');
    while (p.firstChild) li.appendChild(p.firstChild);
    list.appendChild(li);
    // The reference point for "is the next paragraph adjacent?": the list now stands where p was.
    previous = stack[0]!.list;
    p.remove();
  }
}

function nextElement(el: Element): Element | null {
  let n = el.nextSibling;
  while (n && (n.nodeType === Node.COMMENT_NODE || (n.nodeType === Node.TEXT_NODE && !(n.textContent ?? '').replace(NBSP, ' ').trim()))) {
    n = n.nextSibling;
  }
  return n && n.nodeType === Node.ELEMENT_NODE ? (n as Element) : null;
}

// ---------------------------------------------------------------------------------------------

function cleanNode(parent: Node): void {
  for (const child of Array.from(parent.childNodes)) {
    if (child.nodeType === Node.COMMENT_NODE || child.nodeType === Node.PROCESSING_INSTRUCTION_NODE) {
      child.remove();
    } else if (child.nodeType === Node.TEXT_NODE) {
      // Word pads with &nbsp; (mso-spacerun); plain spaces let the editor collapse them.
      child.textContent = (child.textContent ?? '').replace(NBSP, ' ');
    } else if (child.nodeType === Node.ELEMENT_NODE) {
      cleanElement(child as HTMLElement);
    } else {
      child.remove();
    }
  }
}

function cleanElement(el: HTMLElement): void {
  const tag = el.localName.toLowerCase();
  if (DROP.has(tag)) {
    el.remove();
    return;
  }
  if (tag.includes(':')) {
    // <o:p>, <st1:place>… carry text; VML shapes and Word XML (v:, w:, m:) do not.
    if (/^(v|w|m|wp|a|pic):/.test(tag)) {
      el.remove();
    } else {
      cleanNode(el);
      unwrap(el);
    }
    return;
  }
  cleanNode(el);

  const style = el.getAttribute(STYLE_ATTR) ?? '';
  switch (tag) {
    case 'span':
    case 'font': {
      replaceWith(el, wrapFormatting(el, style));
      return;
    }
    case 'b':
    case 'strong':
      // Google Docs wraps everything in <b style="font-weight:normal">.
      if (/font-weight\s*:\s*(normal|[1-5]00)\b/i.test(style)) return unwrap(el);
      break;
    case 'i':
    case 'em':
      if (/font-style\s*:\s*normal/i.test(style)) return unwrap(el);
      break;
    case 'a': {
      const href = el.getAttribute('href') ?? '';
      // Anchors (Word bookmarks, "#_Toc…"), file:// links and scripts are not links.
      if (!href || !isSafeLinkUrl(href)) return unwrap(el);
      break;
    }
    case 'img': {
      const src = el.getAttribute('src') ?? '';
      if (!isSafeImageUrl(src)) {
        el.remove();
        return;
      }
      break;
    }
    case 'h1':
      el = rename(el, 'h2');
      break;
    case 'h5':
    case 'h6':
      el = rename(el, 'h4');
      break;
    case 'center':
    case 'big':
    case 'small':
    case 'abbr':
    case 'acronym':
    case 'cite':
    case 'ins':
    case 'mark':
    case 'label':
    case 'nobr':
      return unwrap(el);
  }

  const name = el.localName.toLowerCase();
  const align = BLOCKS_WITH_ALIGN.has(name) ? alignmentOf(el, style) : null;
  const keep = KEEP_ATTRS[name] ?? [];
  for (const attr of Array.from(el.attributes)) {
    const n = attr.name.toLowerCase();
    // data-pm-slice: the editor's own copy-paste (open list items, table cells…).
    if (!keep.includes(n) && n !== 'data-pm-slice') el.removeAttribute(attr.name);
  }
  if (align) el.setAttribute('class', `align-${align}`);
}

function alignmentOf(el: HTMLElement, style: string): string | null {
  const fromClass = /(?:^|\s)align-(left|center|right|justify)(?:\s|$)/.exec(el.getAttribute('class') ?? '')?.[1];
  const fromStyle = /(?:^|;)\s*text-align\s*:\s*(left|center|right|justify)/i.exec(style)?.[1];
  const fromAttr = (el.getAttribute('align') ?? '').toLowerCase();
  const a = (fromClass ?? fromStyle ?? fromAttr).toLowerCase();
  // Left is the default; only keep alignments that change something.
  return ALIGNMENTS.includes(a) && a !== 'left' ? a : null;
}

/** Turns a styled span/font into <strong>/<em>/<u>/<s> wrappers of its children. */
function wrapFormatting(el: HTMLElement, style: string): Node[] {
  const doc = el.ownerDocument;
  const tags: string[] = [];
  const weight = /(?:^|;)\s*font-weight\s*:\s*([a-z0-9]+)/i.exec(style)?.[1]?.toLowerCase();
  if (weight && (weight === 'bold' || weight === 'bolder' || Number(weight) >= 600)) tags.push('strong');
  if (/(?:^|;)\s*font-style\s*:\s*(italic|oblique)/i.test(style)) tags.push('em');
  const decoration = /(?:^|;)\s*text-decoration(?:-line)?\s*:\s*([^;]+)/i.exec(style)?.[1] ?? '';
  if (/underline/i.test(decoration)) tags.push('u');
  if (/line-through/i.test(decoration)) tags.push('s');
  const children = Array.from(el.childNodes);
  if (!tags.length || !children.length) return children;
  let outer: HTMLElement | null = null;
  let inner: HTMLElement | null = null;
  for (const t of tags) {
    const w = doc.createElement(t);
    if (inner) inner.appendChild(w);
    else outer = w;
    inner = w;
  }
  for (const c of children) inner!.appendChild(c);
  return [outer!];
}

function replaceWith(el: Element, nodes: Node[]): void {
  el.replaceWith(...nodes);
}

function unwrap(el: Element): void {
  el.replaceWith(...Array.from(el.childNodes));
}

function rename(el: HTMLElement, tag: string): HTMLElement {
  const n = el.ownerDocument.createElement(tag);
  for (const attr of Array.from(el.attributes)) n.setAttribute(attr.name, attr.value);
  while (el.firstChild) n.appendChild(el.firstChild);
  el.replaceWith(n);
  return n;
}

/** Drops paragraphs and headings with nothing but spaces (Word's "<p>&nbsp;</p>" spacing). */
function removeEmptyBlocks(root: Element): void {
  for (const el of Array.from(root.querySelectorAll('p, h2, h3, h4, div, blockquote'))) {
    if (!(el.textContent ?? '').trim() && !el.querySelector('img, table, hr')) el.remove();
  }
}
