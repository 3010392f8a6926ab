/**
 * Rich-text editor of the article form, as progressive enhancement: each textarea[data-editor]
 * is hidden (it stays in the form and is what gets submitted) and a TipTap editor with a
 * toolbar takes its place; every change is written back to the textarea as HTML. Without
 * JavaScript the textarea is edited as raw HTML. The server sanitizes every body anyway, so the
 * editor only produces what the sanitizer keeps: no style attributes (the CSP forbids them),
 * alignment as class="align-…", links limited to http(s)/mailto/tel/"/…".
 *
 * Also: clean paste from Word and web pages, autosave every 30 s after a change, and a warning
 * before leaving with unsaved changes.
 */
import { Editor, Extension, mergeAttributes } from '@tiptap/core';
import { Slice } from '@tiptap/pm/model';
import StarterKit from '@tiptap/starter-kit';
import Image from '@tiptap/extension-image';
import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table';
import TextAlign from '@tiptap/extension-text-align';
import { enhanceCoverField, pickImage } from './media-picker.js';
import { cleanPastedHtml, defuseHtml, isSafeImageUrl, isSafeLinkUrl, STYLE_ATTR } from './paste-clean.js';

const AUTOSAVE_DELAY_MS = 30_000;
const ALIGNMENTS = ['left', 'center', 'right', 'justify'] as const;

// ---------------------------------------------------------------------------------------------
// Extensions adapted to the sanitizer

/** TextAlign rendered as class="align-x"; reads the class, or text-align/align from pasted HTML. */
const ClassTextAlign = TextAlign.extend({
  addGlobalAttributes() {
    const allowed: string[] = this.options.alignments;
    return [
      {
        types: this.options.types,
        attributes: {
          textAlign: {
            default: null,
            parseHTML: (el: HTMLElement) => {
              const fromClass = /(?:^|\s)align-(left|center|right|justify)(?:\s|$)/.exec(el.className)?.[1];
              // Style attributes were renamed before parsing (see defuseHtml).
              const style = el.getAttribute(STYLE_ATTR) ?? el.getAttribute('style') ?? '';
              const fromStyle = /(?:^|;)\s*text-align\s*:\s*(left|center|right|justify)/i.exec(style)?.[1];
              const a = (fromClass ?? fromStyle ?? el.getAttribute('align') ?? '').toLowerCase();
              return allowed.includes(a) ? a : null;
            },
            renderHTML: (attrs: Record<string, unknown>) =>
              typeof attrs.textAlign === 'string' && allowed.includes(attrs.textAlign) ? { class: `align-${attrs.textAlign}` } : {},
          },
        },
      },
    ];
  },
});

/** <table><tbody>… without the colgroup and inline widths TipTap adds. */
const PlainTable = Table.extend({
  renderHTML({ HTMLAttributes }) {
    const { style: _style, ...attrs } = HTMLAttributes as Record<string, unknown>;
    return ['table', mergeAttributes(this.options.HTMLAttributes, attrs), ['tbody', 0]];
  },
});

/** Cells keep colspan/rowspan only (no inline text-align, no colwidth). */
const cellAttributes = () => ({
  colspan: { default: 1 },
  rowspan: { default: 1 },
  colwidth: { default: null, parseHTML: () => null, rendered: false },
});
const PlainCell = TableCell.extend({ addAttributes: cellAttributes });
const PlainHeader = TableHeader.extend({ addAttributes: cellAttributes });

/**
 * Images: <img> alone, or <figure><img><figcaption>… when there is a caption. The caption is an
 * attribute edited with the Ảnh button, so the image stays one atomic block.
 */
const Picture = Image.extend({
  addAttributes() {
    const fromImg = (name: string) => (el: HTMLElement) => (el.localName === 'figure' ? el.querySelector('img') : el)?.getAttribute(name) ?? null;
    return {
      src: { default: null, parseHTML: fromImg('src') },
      alt: { default: null, parseHTML: fromImg('alt') },
      width: { default: null, parseHTML: fromImg('width') },
      height: { default: null, parseHTML: fromImg('height') },
      caption: {
        default: null,
        parseHTML: (el: HTMLElement) => (el.localName === 'figure' ? el.querySelector('figcaption')?.textContent?.trim() || null : null),
        rendered: false,
      },
    };
  },
  parseHTML() {
    return [
      { tag: 'figure', getAttrs: (el: HTMLElement) => (el.querySelector('img[src]') ? {} : false) },
      { tag: 'img[src]:not([src^="data:"])' },
    ];
  },
  renderHTML({ node, HTMLAttributes }) {
    const img = ['img', mergeAttributes(this.options.HTMLAttributes, HTMLAttributes)] as const;
    const caption = node.attrs.caption as string | null;
    return caption ? ['figure', img, ['figcaption', caption]] : img;
  },
}).configure({ inline: false, allowBase64: false });

/** Ctrl/⌘+K opens the link prompt. */
function linkShortcut(onLink: () => void) {
  return Extension.create({
    name: 'congLinkShortcut',
    addKeyboardShortcuts() {
      return {
        'Mod-k': () => {
          onLink();
          return true;
        },
      };
    },
  });
}

// ---------------------------------------------------------------------------------------------
// Toolbar

type Toggle = { kind: 'toggle'; id: string; label: string; title?: string; text: string; key?: string; run: (e: Editor) => void; active: (e: Editor) => boolean; can?: (e: Editor) => boolean; tableOnly?: boolean };
type Action = { kind: 'action'; id: string; label: string; title?: string; text: string; key?: string; run: (e: Editor) => void; can?: (e: Editor) => boolean; tableOnly?: boolean };
type Item = Toggle | Action;

const ALIGN_NAMES: Record<(typeof ALIGNMENTS)[number], [string, string]> = {
  left: ['Căn trái', 'Trái'],
  center: ['Căn giữa', 'Giữa'],
  right: ['Căn phải', 'Phải'],
  justify: ['Căn đều', 'Đều'],
};

function toolbarGroups(onLink: (e: Editor) => void, onImage: (e: Editor) => void): Item[][] {
  return [
    [
      { kind: 'toggle', id: 'bold', label: 'Đậm', text: 'Đậm', key: 'Ctrl+B', run: (e) => e.chain().focus().toggleBold().run(), active: (e) => e.isActive('bold'), can: (e) => e.can().toggleBold() },
      { kind: 'toggle', id: 'italic', label: 'Nghiêng', text: 'Nghiêng', key: 'Ctrl+I', run: (e) => e.chain().focus().toggleItalic().run(), active: (e) => e.isActive('italic'), can: (e) => e.can().toggleItalic() },
      { kind: 'toggle', id: 'underline', label: 'Gạch chân', text: 'Gạch chân', key: 'Ctrl+U', run: (e) => e.chain().focus().toggleUnderline().run(), active: (e) => e.isActive('underline'), can: (e) => e.can().toggleUnderline() },
    ],
    [
      { kind: 'toggle', id: 'bulletList', label: 'Danh sách', text: '• Danh sách', run: (e) => e.chain().focus().toggleBulletList().run(), active: (e) => e.isActive('bulletList') },
      { kind: 'toggle', id: 'orderedList', label: 'Danh sách số', text: 'Danh sách số', run: (e) => e.chain().focus().toggleOrderedList().run(), active: (e) => e.isActive('orderedList') },
      { kind: 'toggle', id: 'blockquote', label: 'Trích dẫn', text: '“ Trích dẫn', run: (e) => e.chain().focus().toggleBlockquote().run(), active: (e) => e.isActive('blockquote') },
      { kind: 'toggle', id: 'link', label: 'Liên kết', text: 'Liên kết', key: 'Ctrl+K', run: onLink, active: (e) => e.isActive('link') },
    ],
    ALIGNMENTS.map((a): Item => ({
      kind: 'toggle',
      id: `align-${a}`,
      label: ALIGN_NAMES[a][0],
      text: ALIGN_NAMES[a][1],
      run: (e) => (e.isActive({ textAlign: a }) ? e.chain().focus().unsetTextAlign().run() : e.chain().focus().setTextAlign(a).run()),
      active: (e) => e.isActive({ textAlign: a }),
      can: (e) => e.isActive('paragraph') || e.isActive('heading'),
    })),
    [
      { kind: 'action', id: 'table', label: 'Bảng', title: 'Chèn bảng 3×3 có hàng tiêu đề', text: 'Bảng', run: (e) => e.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(), can: (e) => !e.isActive('table') },
      { kind: 'action', id: 'addRow', label: 'Thêm hàng', text: '+ Hàng', run: (e) => e.chain().focus().addRowAfter().run(), tableOnly: true },
      { kind: 'action', id: 'addColumn', label: 'Thêm cột', text: '+ Cột', run: (e) => e.chain().focus().addColumnAfter().run(), tableOnly: true },
      { kind: 'action', id: 'deleteTable', label: 'Xóa bảng', text: 'Xóa bảng', run: (e) => e.chain().focus().deleteTable().run(), tableOnly: true },
      { kind: 'action', id: 'image', label: 'Ảnh', title: 'Chèn ảnh, hoặc sửa ảnh đang chọn', text: 'Ảnh', run: onImage },
    ],
    [
      { kind: 'action', id: 'undo', label: 'Hoàn tác', text: '↶ Hoàn tác', key: 'Ctrl+Z', run: (e) => e.chain().focus().undo().run(), can: (e) => e.can().undo() },
      { kind: 'action', id: 'redo', label: 'Làm lại', text: '↷ Làm lại', key: 'Ctrl+Y', run: (e) => e.chain().focus().redo().run(), can: (e) => e.can().redo() },
    ],
  ];
}

const BLOCK_TYPES = [
  { value: 'p', label: 'Đoạn văn' },
  { value: 'h2', label: 'Tiêu đề 2' },
  { value: 'h3', label: 'Tiêu đề 3' },
  { value: 'h4', label: 'Tiêu đề 4' },
] as const;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

// ---------------------------------------------------------------------------------------------
// Link and image prompts

function promptLink(editor: Editor): void {
  const current = (editor.getAttributes('link').href as string | undefined) ?? '';
  const input = window.prompt('Địa chỉ liên kết (https://…, mailto:…, tel:… hoặc /…). Để trống để bỏ liên kết.', current || 'https://');
  if (input === null) return;
  const url = input.trim();
  if (url === '' || url === 'https://') {
    editor.chain().focus().extendMarkRange('link').unsetLink().run();
    return;
  }
  if (!isSafeLinkUrl(url)) {
    window.alert('Địa chỉ không hợp lệ. Chỉ chấp nhận địa chỉ bắt đầu bằng http://, https://, mailto:, tel: hoặc /.');
    editor.commands.focus();
    return;
  }
  if (editor.state.selection.empty && !editor.isActive('link')) {
    editor.chain().focus().insertContent({ type: 'text', text: url, marks: [{ type: 'link', attrs: { href: url } }] }).run();
  } else {
    editor.chain().focus().extendMarkRange('link').setLink({ href: url }).run();
  }
}

/** The image button: the library dialog for a new image; prompts to edit the selected one. */
async function chooseImage(editor: Editor): Promise<void> {
  if (editor.isActive('image')) return promptImage(editor);
  const picked = await pickImage({ withCaption: true, offerUrl: true });
  if (picked === 'url') return promptImage(editor);
  if (!picked) {
    editor.commands.focus();
    return;
  }
  const attrs = { src: picked.image.src, alt: picked.alt, caption: picked.caption || null };
  editor.chain().focus().insertContent({ type: 'image', attrs }).run();
}

function promptImage(editor: Editor): void {
  const selected = editor.isActive('image') ? editor.getAttributes('image') : null;
  const src = window.prompt('Địa chỉ ảnh (https://… hoặc /…):', (selected?.src as string | undefined) ?? '');
  if (src === null) return;
  if (!isSafeImageUrl(src)) {
    window.alert('Địa chỉ ảnh không hợp lệ. Chỉ chấp nhận địa chỉ bắt đầu bằng http://, https:// hoặc /.');
    editor.commands.focus();
    return;
  }
  let alt: string | null = (selected?.alt as string | undefined) ?? '';
  do {
    alt = window.prompt('Mô tả ảnh (bắt buộc) — cho người khiếm thị:', alt);
    if (alt === null) return;
    alt = alt.trim();
  } while (!alt);
  const caption = window.prompt('Chú thích hiện dưới ảnh (không bắt buộc):', (selected?.caption as string | undefined) ?? '');
  if (caption === null) return;
  const attrs = { src: src.trim(), alt, caption: caption.trim() || null };
  if (selected) editor.chain().focus().updateAttributes('image', attrs).run();
  else editor.chain().focus().insertContent({ type: 'image', attrs }).run();
}

// ---------------------------------------------------------------------------------------------
// Mounting

function labelFor(textarea: HTMLTextAreaElement): HTMLLabelElement | null {
  const label = textarea.id ? document.querySelector<HTMLLabelElement>(`label[for="${CSS.escape(textarea.id)}"]`) : null;
  if (label && !label.id) label.id = `${textarea.id}-label`;
  return label;
}

/** The editor's HTML without empty paragraphs left at the end by the trailing-node helper. */
function outputHtml(editor: Editor): string {
  if (editor.isEmpty) return '';
  return editor.getHTML().replace(/(<p><\/p>)+$/, '');
}

function mount(textarea: HTMLTextAreaElement, onChange: () => void): Editor {
  const readOnly = textarea.matches(':disabled') || textarea.readOnly;
  const label = labelFor(textarea);
  const wrapper = el('div', { class: 'rte' });
  const toolbar = el('div', { class: 'rte-toolbar', role: 'toolbar', 'aria-label': 'Định dạng văn bản' });
  if (textarea.id) toolbar.setAttribute('aria-controls', `${textarea.id}-editor`);
  const host = el('div', { class: 'rte-host' });
  wrapper.append(toolbar, host);
  textarea.before(wrapper);
  textarea.hidden = true;

  const attributes: Record<string, string> = {
    class: 'rte-content',
    role: 'textbox',
    'aria-multiline': 'true',
  };
  if (textarea.id) attributes.id = `${textarea.id}-editor`;
  if (label) attributes['aria-labelledby'] = label.id;
  for (const a of ['aria-invalid', 'aria-required']) {
    const v = textarea.getAttribute(a);
    if (v) attributes[a] = v;
  }
  // The field's hint and error message (Field renders #<id>-hint and #<id>-error) describe it.
  const described = new Set((textarea.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean));
  for (const suffix of ['hint', 'error']) {
    if (textarea.id && document.getElementById(`${textarea.id}-${suffix}`)) described.add(`${textarea.id}-${suffix}`);
  }
  if (described.size) attributes['aria-describedby'] = [...described].join(' ');
  if (readOnly) attributes['aria-readonly'] = 'true';

  const onLink = () => promptLink(editor);
  const editor: Editor = new Editor({
    element: host,
    editable: !readOnly,
    injectCSS: false, // the CSP forbids inline <style>; editor.css has the base rules
    content: defuseHtml(textarea.value),
    extensions: [
      StarterKit.configure({
        code: false,
        codeBlock: false,
        heading: { levels: [2, 3, 4] },
        link: {
          openOnClick: false,
          autolink: true,
          linkOnPaste: true,
          defaultProtocol: 'https',
          HTMLAttributes: { target: null, rel: null, class: null },
          isAllowedUri: (url: string) => isSafeLinkUrl(url),
        },
      }),
      ClassTextAlign.configure({ types: ['heading', 'paragraph'], alignments: [...ALIGNMENTS] }),
      PlainTable.configure({ resizable: false }),
      TableRow,
      PlainHeader,
      PlainCell,
      Picture,
      linkShortcut(onLink),
    ],
    editorProps: {
      attributes,
      transformPastedHTML: (html: string) => cleanPastedHtml(html),
      // Pasting into an empty paragraph: let the first pasted block replace it whole, so that
      // its attributes (a centred title…) survive instead of being merged into the empty one.
      transformPasted: (slice) => {
        const { empty, $from } = editor.state.selection;
        if (empty && slice.openStart > 0 && $from.parent.isTextblock && $from.parent.content.size === 0 && slice.content.firstChild?.isTextblock) {
          return new Slice(slice.content, 0, slice.openEnd);
        }
        return slice;
      },
    },
  });

  const sync = () => {
    textarea.value = outputHtml(editor);
  };
  editor.on('update', () => {
    sync();
    onChange();
  });

  // The label and "#f-body" links (error summary) point at the hidden textarea: focus the editor.
  label?.addEventListener('click', (e) => {
    e.preventDefault();
    editor.commands.focus();
  });
  if (textarea.id) {
    document.addEventListener('click', (e) => {
      const a = (e.target as Element | null)?.closest?.('a[href]');
      if (a && a.getAttribute('href') === `#${textarea.id}`) {
        e.preventDefault();
        editor.commands.focus();
        wrapper.scrollIntoView({ block: 'center' });
      }
    });
  }

  if (readOnly) {
    toolbar.hidden = true;
  } else {
    buildToolbar(toolbar, editor, onLink);
  }
  return editor;
}

function buildToolbar(toolbar: HTMLElement, editor: Editor, onLink: () => void): void {
  const controls: { item: Item; button: HTMLButtonElement }[] = [];

  const blockGroup = el('div', { class: 'rte-group' });
  const select = el('select', { 'aria-label': 'Kiểu đoạn', title: 'Kiểu đoạn' });
  for (const t of BLOCK_TYPES) select.append(el('option', { value: t.value }, t.label));
  select.addEventListener('change', () => {
    const v = select.value;
    const chain = editor.chain().focus();
    if (v === 'p') chain.setParagraph().run();
    else chain.setHeading({ level: Number(v.slice(1)) as 2 | 3 | 4 }).run();
  });
  blockGroup.append(select);
  toolbar.append(blockGroup);

  for (const group of toolbarGroups(onLink, (e) => void chooseImage(e))) {
    const g = el('div', { class: 'rte-group' });
    for (const item of group) {
      const button = el('button', { type: 'button', class: `rte-btn rte-${item.id}`, 'aria-label': item.label, title: item.key ? `${item.title ?? item.label} (${item.key})` : item.title ?? item.label, tabindex: '-1' });
      button.textContent = item.text;
      if (item.kind === 'toggle') button.setAttribute('aria-pressed', 'false');
      // Keep the editor's selection when the button is clicked with the mouse.
      button.addEventListener('mousedown', (e) => e.preventDefault());
      button.addEventListener('click', () => {
        item.run(editor);
        update();
      });
      g.append(button);
      controls.push({ item, button });
    }
    toolbar.append(g);
  }

  // Roving focus: one stop in the tab order, arrows move between the controls.
  const focusables = (): HTMLElement[] =>
    [select as HTMLElement, ...controls.map((c) => c.button)].filter((b) => !b.hidden && !(b as HTMLButtonElement).disabled && !b.closest('[hidden]'));
  let current: HTMLElement = select;
  const setCurrent = (target: HTMLElement) => {
    for (const f of [select as HTMLElement, ...controls.map((c) => c.button)]) f.tabIndex = f === target ? 0 : -1;
    current = target;
  };
  setCurrent(select);
  toolbar.addEventListener('focusin', (e) => {
    const t = e.target as HTMLElement;
    if (t !== current && (t === select || controls.some((c) => c.button === t))) setCurrent(t);
  });
  toolbar.addEventListener('keydown', (e) => {
    const list = focusables();
    const i = list.indexOf(document.activeElement as HTMLElement);
    if (i < 0) return;
    let next: HTMLElement | undefined;
    if (e.key === 'ArrowRight') next = list[(i + 1) % list.length];
    else if (e.key === 'ArrowLeft') next = list[(i - 1 + list.length) % list.length];
    else if (e.key === 'Home') next = list[0];
    else if (e.key === 'End') next = list[list.length - 1];
    else if (e.key === 'Escape') {
      e.preventDefault();
      editor.commands.focus();
      return;
    }
    if (!next) return;
    e.preventDefault();
    setCurrent(next);
    next.focus();
  });

  const update = () => {
    const inTable = editor.isActive('table');
    for (const { item, button } of controls) {
      if (item.tableOnly) button.hidden = !inTable;
      button.disabled = item.can ? !item.can(editor) : false;
      if (item.kind === 'toggle') button.setAttribute('aria-pressed', String(item.active(editor)));
    }
    select.value = editor.isActive('heading', { level: 2 }) ? 'h2' : editor.isActive('heading', { level: 3 }) ? 'h3' : editor.isActive('heading', { level: 4 }) ? 'h4' : 'p';
    select.disabled = !(editor.isActive('paragraph') || editor.isActive('heading'));
    // The tab stop must stay on a usable control.
    if (!focusables().includes(current)) {
      const first = focusables()[0];
      if (first) setCurrent(first);
    }
  };
  editor.on('transaction', update);
  editor.on('focus', update);
  update();
}

// ---------------------------------------------------------------------------------------------
// Autosave and the unsaved-changes warning

function setupForm(form: HTMLFormElement): { changed: () => void } {
  const url = form.dataset.autosave;
  const status = form.querySelector<HTMLElement>('[data-autosave-status]');
  const csrf = form.querySelector<HTMLInputElement>('input[name="_csrf"]');
  const version = form.querySelector<HTMLInputElement>('input[name="_version"]');
  let dirty = false;
  let submitting = false;
  let stopped = !url;
  let timer: number | undefined;
  let inFlight: Promise<void> | null = null;

  const show = (text: string, kind: 'ok' | 'error') => {
    if (!status) return;
    status.textContent = text;
    status.classList.toggle('autosave-error', kind === 'error');
  };

  const save = async (): Promise<void> => {
    if (timer !== undefined) window.clearTimeout(timer);
    timer = undefined;
    if (stopped || !dirty || submitting || !url) return;
    if (inFlight) {
      await inFlight;
      return save();
    }
    dirty = false;
    const body = new URLSearchParams(new FormData(form) as unknown as Record<string, string>).toString();
    inFlight = (async () => {
      try {
        const res = await fetch(url, {
          method: 'POST',
          credentials: 'same-origin',
          headers: {
            'content-type': 'application/x-www-form-urlencoded;charset=UTF-8',
            accept: 'application/json',
            'x-csrf-token': csrf?.value ?? '',
          },
          body,
          // Lets the request finish when the tab is being closed (browsers cap keepalive bodies at 64 KB).
          keepalive: body.length < 60_000,
        });
        if (res.status === 409) {
          stopped = true;
          dirty = true;
          show('Không tự động lưu được: bài đã được người khác sửa.', 'error');
          return;
        }
        const data = (res.ok ? await res.json().catch(() => null) : null) as { ok?: boolean; version?: string | number } | null;
        if (!data || data.ok !== true) throw new Error(`autosave failed: ${res.status}`);
        if (version && data.version !== undefined && data.version !== null) version.value = String(data.version);
        const now = new Date();
        const hhmm = `${String(now.getHours()).padStart(2, '0')}:${String(now.getMinutes()).padStart(2, '0')}`;
        show(`Đã tự động lưu lúc ${hhmm}`, 'ok');
      } catch {
        dirty = true;
        show('Không tự động lưu được, hãy bấm Lưu.', 'error');
      } finally {
        inFlight = null;
      }
    })();
    // Changes made while the request was on its way have already scheduled their own autosave.
    await inFlight;
  };

  const schedule = () => {
    if (stopped || timer !== undefined) return;
    timer = window.setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
  };

  const changed = () => {
    if (submitting) return;
    dirty = true;
    schedule();
  };

  // Other fields of the form (title, sapo…) count as changes too. Toolbar controls have no name.
  const onField = (e: Event) => {
    const t = e.target as HTMLElement;
    if (t.closest('.rte')) return; // the editor reports its own changes
    if ((t as HTMLInputElement).name) changed();
  };
  form.addEventListener('input', onField);
  form.addEventListener('change', onField);

  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') void save();
  });

  window.addEventListener('beforeunload', (e) => {
    if (!dirty || submitting) return;
    e.preventDefault();
    e.returnValue = '';
  });

  form.addEventListener('submit', (e) => {
    if (submitting) return;
    if (timer !== undefined) window.clearTimeout(timer);
    timer = undefined;
    submitting = true;
    if (inFlight) {
      // Wait for the autosave so the form posts the new _version, not the one it replaced.
      e.preventDefault();
      void inFlight.then(() => form.submit());
    }
  });
  // Back/forward cache: a restored page is editable again.
  window.addEventListener('pageshow', (e) => {
    if (e.persisted) submitting = false;
  });

  return { changed };
}

function init(): void {
  enhanceCoverField();
  const textareas = document.querySelectorAll<HTMLTextAreaElement>('textarea[data-editor]');
  const forms = new Map<HTMLFormElement, { changed: () => void }>();
  textareas.forEach((textarea) => {
    const form = textarea.form;
    let tracker = form ? forms.get(form) : undefined;
    if (form && !tracker) {
      tracker = setupForm(form);
      forms.set(form, tracker);
    }
    try {
      mount(textarea, () => tracker?.changed());
    } catch (err) {
      // Whatever happens, the plain textarea must remain usable.
      textarea.hidden = false;
      const half = textarea.previousElementSibling;
      if (half?.classList.contains('rte')) half.remove();
      console.error('Không khởi tạo được trình soạn thảo', err);
    }
  });
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
else init();
