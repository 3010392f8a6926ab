import { ArchiveClosed } from '../../kernel/views/public/archive-closed.js';
import type { ArticleRow } from '../../kernel/db/schema.js';
import { averageOf, ratingText, type RatingNumbers } from './rating.js';

/**
 * The rating block under an article: five stars as a plain radio group in a form (it posts and
 * comes back without JavaScript; interact.js sends it without reloading). The numbers are those of
 * the cached page (at most the page-cache TTL old); the script shows the live ones, and a reader
 * without it who votes lands on the article rendered afresh for them (routes.ts).
 */
export const STAR_NAMES = ['', 'Rất kém', 'Kém', 'Bình thường', 'Tốt', 'Rất tốt'];

type Rated = Pick<ArticleRow, 'id' | 'rating_count' | 'rating_sum'>;

export function numbersOf(a: Rated): RatingNumbers {
  return { count: Number(a.rating_count), sum: Number(a.rating_sum) };
}

/**
 * `archived`: the site is an archive, which takes no more ratings (the numbers stay).
 * `ownStars`: the reader's own vote, on the uncached page shown after a vote without JavaScript
 * (its star chosen, and the thanks interact.js would say).
 */
export function RatingBlock({ article, archived = false, ownStars }: { article: Rated; archived?: boolean; ownStars?: number }) {
  const action = `/danh-gia/${article.id}`;
  return (
    <section class="rating" id="danh-gia" aria-labelledby="danh-gia-tieu-de">
      <h2 id="danh-gia-tieu-de" class="section-title">Đánh giá bài viết</h2>
      <p class="rating-summary" data-rating-summary>{ratingText(numbersOf(article))}</p>
      {archived ? <ArchiveClosed what="đánh giá" /> : <form method="post" action={action} class="rating-form" data-rating-form>
        <fieldset class="stars">
          <legend>Bạn chấm bài viết này mấy sao?</legend>
          {[1, 2, 3, 4, 5].map((n) => (
            <>
              <input type="radio" name="sao" value={String(n)} id={`sao-${n}`} required={n === 1} checked={n === ownStars} />
              <label for={`sao-${n}`} title={`${n} sao – ${STAR_NAMES[n]}`}>
                <span class="star" aria-hidden="true">★</span>
                <span class="visually-hidden">{`${n} sao – ${STAR_NAMES[n]}`}</span>
              </label>
            </>
          ))}
        </fieldset>
        <button type="submit">Gửi đánh giá</button>
        <p class="rating-status" role="status" data-rating-status>{ownStars ? thanks(ownStars) : ''}</p>
      </form>}
    </section>
  );
}

/** What the reader is told once their vote is counted (interact.js says the same). */
export function thanks(stars: number): string {
  return `Cảm ơn bạn đã đánh giá. Bạn đã chấm ${stars} sao.`;
}

/** schema.org AggregateRating for the article's JSON-LD, only once someone has voted. */
export function aggregateRatingLd(a: Rated): { aggregateRating?: Record<string, unknown> } {
  const n = numbersOf(a);
  if (n.count <= 0) return {};
  return { aggregateRating: { '@type': 'AggregateRating', ratingValue: averageOf(n), ratingCount: n.count, bestRating: 5, worstRating: 1 } };
}
