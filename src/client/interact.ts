/**
 * Rating and comments under an article, without page reloads. The page works without this
 * script: the rating form posts and comes back, and "Viết bình luận" leads to a page with the
 * fallback question. The ALTCHA widget (altcha-widget.js, its CSS and its PBKDF2 worker) is only
 * downloaded when someone starts writing a comment.
 */
import { setupComments } from './interact/comments';
import { setupRating } from './interact/rating';

document.querySelectorAll<HTMLFormElement>('form[data-rating-form]').forEach(setupRating);
document.querySelectorAll<HTMLFormElement>('form[data-comment-form]').forEach(setupComments);
