/**
 * The ALTCHA widget, loaded on demand. Our CSP allows scripts and styles from our own origin only,
 * so nothing here is inline: the widget is the "external" build (it injects no <style>), its CSS
 * is a file, the Vietnamese strings come from altcha/i18n/vi, and the PBKDF2 solver runs in a
 * worker loaded from our assets (the default build would make blob: workers, which the CSP blocks).
 */
type Altcha = { algorithms: Map<string, () => Worker> };
type Widget = HTMLElement & { reset?: () => void };

export function altchaSupported(): boolean {
  return window.isSecureContext && 'Worker' in window && 'customElements' in window && !!window.crypto?.subtle;
}

export async function loadAltcha(form: HTMLFormElement, slot: HTMLElement): Promise<void> {
  if (!altchaSupported()) throw new Error('ALTCHA cannot run here');
  const d = form.dataset;
  if (!document.querySelector('link[data-altcha-css]')) {
    const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: d.altchaCss! });
    link.dataset.altchaCss = '';
    document.head.append(link);
  }
  await import(/* @vite-ignore */ d.altchaScript!);
  const altcha = (globalThis as unknown as { $altcha: Altcha }).$altcha;
  for (const alg of ['PBKDF2/SHA-256']) altcha.algorithms.set(alg, () => new Worker(d.altchaWorker!));
  const hint = document.createElement('p');
  hint.className = 'hint';
  hint.textContent = 'Đánh dấu ô bên dưới: trình duyệt sẽ tự giải một bài toán nhỏ trong vài giây, bạn không cần nhập mã.';
  const widget = document.createElement('altcha-widget');
  widget.setAttribute('challenge', d.altchaChallenge!);
  widget.setAttribute('language', 'vi');
  widget.setAttribute('name', 'altcha');
  widget.setAttribute('configuration', JSON.stringify({ hideFooter: true, hideLogo: true }));
  slot.textContent = '';
  slot.append(hint, widget);
}

/** Resets the widget after its proof was used; false when the slot holds the fallback question. */
export function resetWidget(slot: HTMLElement): boolean {
  const widget = slot.querySelector<Widget>('altcha-widget');
  if (!widget) return false;
  widget.reset?.();
  return true;
}
