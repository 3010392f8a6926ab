/**
 * Rating and comments under an article, without page reloads. The page works without this
 * script: the rating form posts and comes back, and "Viết bình luận" leads to a page with the
 * fallback question. The ALTCHA widget (altcha-widget.js, its CSS and its PBKDF2 worker) is only
 * downloaded when someone starts writing a comment.
 *
 * Other citizen forms with the same verification step (questions to the board, feedback on draft
 * documents) are plain forms marked data-altcha-form: when someone starts filling one in, the
 * ALTCHA widget replaces the question in its [data-altcha-slot]; if it cannot run, the question stays.
 */
import { setupComments } from './interact/comments.ts';
import { setupRating } from './interact/rating.ts';
import { loadAltcha } from './interact/verification.ts';

document.querySelectorAll<HTMLFormElement>('form[data-rating-form]').forEach(setupRating);
document.querySelectorAll<HTMLFormElement>('form[data-comment-form]').forEach(setupComments);
document.querySelectorAll<HTMLFormElement>('form[data-altcha-form]').forEach((form) => {
  const slot = form.querySelector<HTMLElement>('[data-altcha-slot]');
  if (!slot) return;
  let started = false;
  form.addEventListener('focusin', () => {
    if (started) return;
    started = true;
    loadAltcha(form, slot).catch(() => undefined);
  });
});
