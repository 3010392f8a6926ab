import { loadAltcha, resetWidget } from './verification.ts';

interface PostAnswer {
  ok: boolean;
  message?: string;
  errors?: Record<string, string>;
  verificationUsed?: boolean;
  error?: { message: string };
}

const FIELD_IDS: Record<string, string> = { ho_ten: 'bl-ho-ten', email: 'bl-email', noi_dung: 'bl-noi-dung', xac_thuc: 'bl-dap-an' };
const errorId = (key: string) => `bl-${key.replace(/_/g, '-')}-loi`;

/**
 * The comment form on the article page: adds the verification step (ALTCHA, or the fallback
 * question where ALTCHA cannot run), posts with fetch and shows the answer: errors next to their
 * fields with everything typed kept, or the "received" message.
 */
export function setupComments(form: HTMLFormElement): void {
  const slot = form.querySelector<HTMLElement>('[data-altcha-slot]')!;
  const status = form.querySelector<HTMLElement>('[data-comment-status]')!;
  const parentInput = form.querySelector<HTMLInputElement>('[data-parent-input]')!;
  let ready: Promise<void> | null = null;
  const prepare = () => (ready ??= loadAltcha(form, slot).catch(() => loadQuestion(form, slot)));
  form.addEventListener('focusin', () => void prepare());

  setupReplies(form, parentInput);

  let sending = false;
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (sending) return;
    sending = true;
    clearErrors(form);
    status.textContent = '';
    try {
      await prepare();
      const res = await fetch(form.action, {
        method: 'POST',
        headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
        credentials: 'same-origin',
        body: new URLSearchParams(new FormData(form) as unknown as Record<string, string>).toString(),
      });
      const d = (await res.json().catch(() => ({ ok: false }))) as PostAnswer;
      if (d.ok) {
        status.textContent = d.message ?? '';
        (form.elements.namedItem('noi_dung') as HTMLTextAreaElement).value = '';
        parentInput.value = '';
        form.querySelector<HTMLElement>('[data-reply-note]')!.hidden = true;
        await renew(form, slot);
      } else {
        showErrors(form, d.errors ?? { _form: d.error?.message ?? 'Chưa gửi được bình luận. Vui lòng thử lại.' });
        if (d.verificationUsed || d.errors?.xac_thuc) await renew(form, slot);
      }
    } catch {
      showErrors(form, { _form: 'Không kết nối được máy chủ. Nội dung bạn viết vẫn còn; vui lòng thử lại.' });
    } finally {
      sending = false;
    }
  });
}

/** A used proof cannot be sent again: a fresh widget state, or a fresh question. */
async function renew(form: HTMLFormElement, slot: HTMLElement): Promise<void> {
  if (!resetWidget(slot)) await loadQuestion(form, slot);
}

export async function loadQuestion(form: HTMLFormElement, slot: HTMLElement): Promise<void> {
  const res = await fetch(form.dataset.questionUrl!, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
  const q = (await res.json()) as { question: string; token: string };
  slot.textContent = '';
  const token = Object.assign(document.createElement('input'), { type: 'hidden', name: 'ma_cau_hoi', value: q.token });
  const label = Object.assign(document.createElement('label'), { htmlFor: 'bl-dap-an', textContent: `Câu hỏi: ${q.question}` });
  const input = Object.assign(document.createElement('input'), { id: 'bl-dap-an', name: 'dap_an', type: 'text', autocomplete: 'off', required: true, className: 'answer' });
  input.inputMode = 'numeric';
  slot.append(token, label, input);
}

function setupReplies(form: HTMLFormElement, parentInput: HTMLInputElement): void {
  const note = form.querySelector<HTMLElement>('[data-reply-note]')!;
  const text = note.querySelector<HTMLElement>('[data-reply-text]')!;
  const content = form.querySelector<HTMLTextAreaElement>('#bl-noi-dung')!;
  document.querySelectorAll<HTMLAnchorElement>('a[data-reply-to]').forEach((a) =>
    a.addEventListener('click', (e) => {
      e.preventDefault();
      parentInput.value = a.dataset.replyTo ?? '';
      text.textContent = `Đang trả lời bình luận của ${a.dataset.replyName ?? ''}.`;
      note.hidden = false;
      content.focus();
    }),
  );
  note.querySelector('[data-reply-cancel]')!.addEventListener('click', () => {
    parentInput.value = '';
    note.hidden = true;
    content.focus();
  });
}

function clearErrors(form: HTMLFormElement): void {
  form.querySelectorAll('.field-error, .form-error').forEach((el) => el.remove());
  form.querySelectorAll('[aria-invalid]').forEach((el) => {
    el.removeAttribute('aria-invalid');
    const ids = (el.getAttribute('aria-describedby') ?? '').split(' ').filter((x) => x && !x.endsWith('-loi'));
    if (ids.length) el.setAttribute('aria-describedby', ids.join(' '));
    else el.removeAttribute('aria-describedby');
  });
}

/** Each message goes next to its field (above the input, after the label and hint), as on the server's page. */
function showErrors(form: HTMLFormElement, errors: Record<string, string>): void {
  let first: HTMLElement | null = null;
  // (No destructuring in for-of: the citizens' bundle targets Safari 13.)
  for (const key of Object.keys(errors)) {
    const msg = errors[key]!;
    const p = document.createElement('p');
    p.textContent = msg;
    if (key === '_form') {
      p.className = 'form-error';
      p.setAttribute('role', 'alert');
      form.prepend(p);
      first ??= p;
      continue;
    }
    p.className = 'field-error';
    p.id = errorId(key);
    const input = document.getElementById(FIELD_IDS[key] ?? '') as HTMLElement | null;
    if (key === 'xac_thuc') {
      form.querySelector('[data-verify-step] legend')!.after(p);
      p.setAttribute('role', 'alert');
    } else if (input) {
      input.before(p);
    } else {
      form.prepend(p);
    }
    if (input) {
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', [input.getAttribute('aria-describedby'), p.id].filter(Boolean).join(' '));
    }
    first ??= input ?? p;
  }
  if (first) {
    if (!first.hasAttribute('tabindex') && !/^(INPUT|TEXTAREA|SELECT|BUTTON)$/.test(first.tagName)) first.tabIndex = -1;
    first.focus();
  }
}
