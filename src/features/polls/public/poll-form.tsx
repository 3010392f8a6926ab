import type { PollOptionRow, PollRow } from '../../../kernel/db/tables/polls.js';

/**
 * The vote form: a fieldset whose legend says how many options may be chosen, and a radio
 * (single choice) or checkbox (multiple choice) group. A plain POST; the answer is a redirect to
 * the results (PRG), so it works without JavaScript.
 */
export const CHOICE_FIELD = 'phuong_an';

export function choiceHint(poll: Pick<PollRow, 'multiple' | 'max_choices'>): string {
  if (!poll.multiple) return 'Chọn một phương án';
  return poll.max_choices > 0 ? `Chọn tối đa ${poll.max_choices} phương án` : 'Chọn một hoặc nhiều phương án';
}

/** `idPrefix` keeps the ids unique when the sidebar widget and the poll page show the same poll. */
export function PollForm({ poll, options, checked, error, idPrefix = 'bc' }: { poll: PollRow; options: PollOptionRow[]; checked?: number[] | null; error?: string; idPrefix?: string }) {
  const type = poll.multiple ? 'checkbox' : 'radio';
  const on = new Set(checked ?? []);
  const errId = `${idPrefix}-loi-${poll.id}`;
  return (
    <form method="post" action={`/tham-do-y-kien/${poll.id}`} class="poll-form">
      <fieldset class="poll-choices" aria-describedby={error ? errId : undefined}>
        <legend>{choiceHint(poll)}:</legend>
        {error && <p class="field-error" id={errId} role="alert">{error}</p>}
        {options.map((o) => (
          <div class="poll-choice">
            <input type={type} name={CHOICE_FIELD} value={String(o.id)} id={`${idPrefix}-${o.id}`} checked={on.has(o.id)} />
            <label for={`${idPrefix}-${o.id}`}>{o.label}</label>
          </div>
        ))}
      </fieldset>
      <button type="submit" class="button">Bình chọn</button>
    </form>
  );
}
