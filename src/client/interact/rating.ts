interface RatingAnswer {
  count: number;
  average: number;
  text: string;
  mine: number | null;
}

const JSON_ACCEPT = { accept: 'application/json' };

/** The star form: a click on a star votes at once; from the keyboard, arrows choose and the button sends. */
export function setupRating(form: HTMLFormElement): void {
  const section = form.closest('section');
  const summary = section?.querySelector<HTMLElement>('[data-rating-summary]');
  const status = form.querySelector<HTMLElement>('[data-rating-status]');
  const url = form.action;
  const say = (msg: string) => {
    if (status) status.textContent = msg;
  };
  const show = (d: RatingAnswer) => {
    if (summary) summary.textContent = d.text;
    if (d.mine) {
      const input = form.querySelector<HTMLInputElement>(`input[name="sao"][value="${d.mine}"]`);
      if (input) input.checked = true;
    }
  };

  // The cached page may be a minute old: show the live numbers and this visitor's own vote.
  void fetch(url, { headers: JSON_ACCEPT, credentials: 'same-origin' })
    .then((r) => (r.ok ? r.json() : null))
    .then((d: RatingAnswer | null) => {
      // A vote sent meanwhile answered with newer numbers.
      if (!d || voted) return;
      show(d);
      if (d.mine) say(`Bạn đã chấm bài viết này ${d.mine} sao. Có thể chọn lại để thay đổi.`);
    })
    .catch(() => undefined);

  let sending = false;
  let voted = false;
  const send = async () => {
    const checked = form.querySelector<HTMLInputElement>('input[name="sao"]:checked');
    if (!checked) return say('Vui lòng chọn số sao trước khi gửi.');
    if (sending) return;
    sending = true;
    voted = true;
    say('Đang gửi đánh giá…');
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { ...JSON_ACCEPT, 'content-type': 'application/json' },
        credentials: 'same-origin',
        body: JSON.stringify({ sao: Number(checked.value) }),
      });
      if (res.ok) {
        const d = (await res.json()) as RatingAnswer;
        show(d);
        say(`Cảm ơn bạn đã đánh giá. Bạn đã chấm ${d.mine ?? checked.value} sao.`);
      } else if (res.status === 429) {
        // The server says why: too fast, or too many votes from this network today.
        const d = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
        say(d?.error?.message ?? 'Bạn thao tác quá nhanh. Vui lòng thử lại sau ít phút.');
      } else {
        say('Chưa gửi được đánh giá. Vui lòng thử lại.');
      }
    } catch {
      say('Không kết nối được máy chủ. Vui lòng thử lại.');
    } finally {
      sending = false;
    }
  };

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void send();
  });
  // A click on a star (a label) is a vote; arrow keys only move the choice.
  form.querySelectorAll('.stars label').forEach((label) => label.addEventListener('click', () => setTimeout(() => void send(), 0)));
}
