/**
 * Small enhancements for every back-office page; the back office works without them.
 */
document.documentElement.classList.add('js');

// Move focus to the error summary so screen-reader users hear what went wrong.
const summary = document.querySelector<HTMLElement>('.error-summary');
summary?.focus();

// Ask before destructive workflow actions.
document.querySelectorAll<HTMLButtonElement>('button.danger').forEach((b) => {
  b.form?.addEventListener('submit', (e) => {
    if (!confirm(`${b.textContent?.trim()}?`)) e.preventDefault();
  });
});
