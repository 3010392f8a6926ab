/**
 * "Chọn ảnh từ thư viện": a modal dialog listing the site's images (GET /quan-tri/thu-vien/chon),
 * searchable, that returns the chosen image with its text alternative (required) and, for
 * images in the article body, an optional caption. Keyboard: Tab through the grid, Enter or
 * Space chooses, Escape closes (native <dialog>).
 */

export const PICKER_URL = '/quan-tri/thu-vien/chon';

export interface PickerImage {
  id: number;
  title: string;
  alt: string;
  src: string;
  thumb: string;
  width: number;
  height: number;
}

export interface Picked {
  image: PickerImage;
  alt: string;
  caption: string;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

let counter = 0;

/**
 * Opens the dialog; resolves with the choice, 'url' when the person prefers to give an image
 * address (offered with `offerUrl`), or null when closed without choosing.
 */
export function pickImage(opts: { withCaption: boolean; title?: string; offerUrl?: boolean }): Promise<Picked | 'url' | null> {
  const n = ++counter;
  const dialog = el('dialog', { class: 'media-picker', 'aria-labelledby': `mp-title-${n}` });
  const heading = el('h2', { id: `mp-title-${n}` }, opts.title ?? 'Chọn ảnh từ thư viện');
  const search = el('form', { class: 'mp-search', role: 'search' });
  const searchLabel = el('label', { for: `mp-q-${n}` }, 'Tìm ảnh theo tên');
  const searchInput = el('input', { id: `mp-q-${n}`, type: 'search', autocomplete: 'off' });
  const searchButton = el('button', { type: 'submit' }, 'Tìm');
  search.append(searchLabel, searchInput, searchButton);
  const status = el('p', { class: 'mp-status', role: 'status' });
  const grid = el('ul', { class: 'mp-grid', 'aria-label': 'Ảnh trong thư viện' });
  const more = el('button', { type: 'button', class: 'mp-more', hidden: '' }, 'Xem thêm ảnh');

  const details = el('form', { class: 'mp-details', hidden: '' });
  const chosenLine = el('p', { class: 'mp-chosen' });
  const altLabel = el('label', { for: `mp-alt-${n}` }, 'Mô tả ảnh (bắt buộc) — cho người khiếm thị');
  const altInput = el('input', { id: `mp-alt-${n}`, type: 'text', maxlength: '300', 'aria-describedby': `mp-alt-err-${n}` });
  const altError = el('p', { id: `mp-alt-err-${n}`, class: 'field-error' });
  details.append(chosenLine, altLabel, altInput, altError);
  let captionInput: HTMLInputElement | null = null;
  if (opts.withCaption) {
    const captionLabel = el('label', { for: `mp-cap-${n}` }, 'Chú thích hiện dưới ảnh (không bắt buộc)');
    captionInput = el('input', { id: `mp-cap-${n}`, type: 'text', maxlength: '300' });
    details.append(captionLabel, captionInput);
  }
  const actions = el('div', { class: 'mp-actions' });
  const ok = el('button', { type: 'submit', class: 'primary' }, 'Dùng ảnh này');
  const cancel = el('button', { type: 'button' }, 'Huỷ');
  actions.append(ok, cancel);
  details.append(actions);

  const close = el('button', { type: 'button', class: 'mp-close', 'aria-label': 'Đóng' }, '×');
  dialog.append(close, heading, search, status, grid, more, details);
  const byUrl = el('button', { type: 'button', class: 'mp-url' }, 'Dùng địa chỉ ảnh trên mạng thay vì thư viện');
  if (opts.offerUrl) dialog.append(byUrl);
  document.body.append(dialog);

  let chosen: PickerImage | null = null;
  let next: string | null = null;
  let query = '';

  return new Promise((resolve) => {
    let result: Picked | 'url' | null = null;
    byUrl.addEventListener('click', () => {
      result = 'url';
      dialog.close();
    });
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(result);
    });
    close.addEventListener('click', () => dialog.close());
    cancel.addEventListener('click', () => dialog.close());

    async function load(append: boolean): Promise<void> {
      status.textContent = 'Đang tải ảnh…';
      const params = new URLSearchParams();
      if (query) params.set('q', query);
      if (append && next) params.set('sau', next);
      try {
        const res = await fetch(`${PICKER_URL}?${params}`, { credentials: 'same-origin', headers: { accept: 'application/json' } });
        if (!res.ok) throw new Error(String(res.status));
        const data = (await res.json()) as { images: PickerImage[]; next: string | null };
        if (!append) grid.replaceChildren();
        for (const image of data.images) grid.append(tile(image));
        next = data.next;
        more.hidden = !next;
        const count = grid.children.length;
        status.textContent = count ? `${count} ảnh${next ? ' (còn nữa)' : ''}.` : query ? `Không có ảnh nào khớp với “${query}”.` : 'Thư viện chưa có ảnh nào. Hãy tải ảnh lên ở mục Thư viện tệp.';
      } catch {
        status.textContent = 'Không tải được danh sách ảnh. Vui lòng thử lại.';
      }
    }

    function tile(image: PickerImage): HTMLLIElement {
      const li = el('li');
      const b = el('button', { type: 'button', class: 'mp-tile', 'aria-pressed': 'false' });
      const img = el('img', { src: image.thumb, alt: '', loading: 'lazy', width: '120', height: '90' });
      b.append(img, el('span', {}, image.title || `Ảnh số ${image.id}`));
      b.addEventListener('click', () => {
        grid.querySelectorAll('[aria-pressed="true"]').forEach((x) => x.setAttribute('aria-pressed', 'false'));
        b.setAttribute('aria-pressed', 'true');
        chosen = image;
        chosenLine.textContent = `Đã chọn: ${image.title || `ảnh số ${image.id}`}`;
        altInput.value = image.alt;
        altError.textContent = '';
        details.hidden = false;
        altInput.focus();
      });
      li.append(b);
      return li;
    }

    search.addEventListener('submit', (e) => {
      e.preventDefault();
      query = searchInput.value.trim();
      next = null;
      void load(false);
    });
    more.addEventListener('click', () => void load(true));
    details.addEventListener('submit', (e) => {
      e.preventDefault();
      const alt = altInput.value.trim();
      if (!chosen) return;
      if (!alt) {
        altError.textContent = 'Vui lòng nhập mô tả ảnh cho người khiếm thị.';
        altInput.setAttribute('aria-invalid', 'true');
        altInput.focus();
        return;
      }
      result = { image: chosen, alt, caption: captionInput?.value.trim() ?? '' };
      dialog.close();
    });

    dialog.showModal();
    searchInput.focus();
    void load(false);
  });
}

/**
 * Enhances the cover-image fields of the article form: a "Chọn ảnh" button next to the number
 * field fills the image number and its description, and a preview shows the choice.
 */
export function enhanceCoverField(): void {
  const idInput = document.querySelector<HTMLInputElement>('input[name="cover_media_id"]');
  const altInput = document.querySelector<HTMLInputElement>('input[name="cover_alt"]');
  if (!idInput || !altInput || idInput.disabled) return;
  const bar = el('div', { class: 'cover-picker' });
  const choose = el('button', { type: 'button' }, 'Chọn ảnh từ thư viện');
  const clear = el('button', { type: 'button' }, 'Bỏ ảnh đại diện');
  const preview = el('img', { class: 'cover-preview', alt: '', hidden: '' });
  bar.append(choose, clear, preview);
  idInput.after(bar);
  clear.hidden = !idInput.value;
  choose.addEventListener('click', async () => {
    const picked = await pickImage({ withCaption: false, title: 'Chọn ảnh đại diện' });
    if (!picked || picked === 'url') return choose.focus();
    idInput.value = String(picked.image.id);
    altInput.value = picked.alt;
    preview.src = picked.image.thumb;
    preview.hidden = false;
    clear.hidden = false;
    idInput.dispatchEvent(new Event('input', { bubbles: true }));
    choose.focus();
  });
  clear.addEventListener('click', () => {
    idInput.value = '';
    altInput.value = '';
    preview.hidden = true;
    clear.hidden = true;
    idInput.dispatchEvent(new Event('input', { bubbles: true }));
    choose.focus();
  });
}
