/**
 * Small enhancements for every back-office page; the back office works without them.
 */
document.documentElement.classList.add('js');

// Move focus to the error summary so screen-reader users hear what went wrong.
const summary = document.querySelector<HTMLElement>('.error-summary');
summary?.focus();

// Ask before destructive workflow actions (not on a page that is itself the confirmation).
document.querySelectorAll<HTMLButtonElement>('button.danger:not([data-confirmed])').forEach((b) => {
  b.form?.addEventListener('submit', (e) => {
    if (!confirm(`${b.textContent?.trim()}?`)) e.preventDefault();
  });
});
