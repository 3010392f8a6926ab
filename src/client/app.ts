/**
 * Progressive enhancements for every public page. Everything here is optional: the pages are
 * complete without it (links play songs, the browser prints).
 */
document.documentElement.classList.add('js');

const FONT_KEY = 'cong:font-step';

function setupFontSize(): void {
  const target = document.querySelector<HTMLElement>('[data-font-target]');
  if (!target) return;
  const apply = (step: number) => {
    target.style.fontSize = `${100 + step * 12.5}%`;
    try {
      localStorage.setItem(FONT_KEY, String(step));
    } catch {
      /* private mode: the size just isn't remembered */
    }
  };
  let step = Number(localStorage.getItem(FONT_KEY) ?? 0) || 0;
  if (step) apply(step);
  document.querySelectorAll<HTMLButtonElement>('[data-font]').forEach((b) => {
    b.addEventListener('click', () => {
      const d = Number(b.dataset.font);
      step = d === 0 ? 0 : Math.max(-2, Math.min(4, step + d));
      apply(step);
    });
  });
}

function setupPrintAndCopy(): void {
  // "In bài viết" is a link to the print view (it works without JS); with JS, this page prints at once.
  document.querySelectorAll('[data-print]').forEach((b) =>
    b.addEventListener('click', (event) => {
      event.preventDefault();
      window.print();
    }),
  );
  const status = document.querySelector<HTMLElement>('[data-copy-status]');
  document.querySelectorAll<HTMLButtonElement>('[data-copy-link]').forEach((b) => {
    b.addEventListener('click', async () => {
      const url = b.dataset.copyLink ?? location.href;
      try {
        await navigator.clipboard.writeText(url);
        b.textContent = 'Đã sao chép';
        if (status) status.textContent = 'Đã sao chép liên kết bài viết.';
      } catch {
        if (status) status.textContent = `Không sao chép được. Liên kết: ${url}`;
      }
      setTimeout(() => (b.textContent = 'Sao chép liên kết'), 2500);
    });
  });
}

function setupPlaylist(root: HTMLElement): void {
  const audio = root.querySelector('audio')!;
  const tracks = [...root.querySelectorAll<HTMLAnchorElement>('[data-track]')];
  const now = root.querySelector<HTMLElement>('[data-now-playing]');
  const playBtn = root.querySelector<HTMLButtonElement>('[data-play]');
  let index = 0;

  const select = (i: number, play: boolean) => {
    index = (i + tracks.length) % tracks.length;
    tracks.forEach((t, j) => (j === index ? t.setAttribute('aria-current', 'true') : t.removeAttribute('aria-current')));
    const t = tracks[index]!;
    if (audio.getAttribute('src') !== t.getAttribute('href')) audio.src = t.href;
    audio.setAttribute('aria-label', `Trình phát nhạc: ${t.dataset.title}`);
    if (now) now.textContent = `${play ? 'Đang phát' : 'Bài đang chọn'}: ${t.dataset.title}`;
    if (play) void audio.play().catch(() => undefined);
  };

  tracks.forEach((t, i) =>
    t.addEventListener('click', (e) => {
      e.preventDefault();
      select(i, true);
    }),
  );
  playBtn?.addEventListener('click', () => {
    if (audio.paused) select(index, true);
    else audio.pause();
  });
  root.querySelector('[data-next]')?.addEventListener('click', () => select(index + 1, true));
  audio.addEventListener('ended', () => {
    if (index + 1 < tracks.length) select(index + 1, true);
  });
  audio.addEventListener('play', () => {
    if (playBtn) playBtn.textContent = 'Tạm dừng';
    if (now) now.textContent = `Đang phát: ${tracks[index]!.dataset.title}`;
  });
  audio.addEventListener('pause', () => {
    if (playBtn) playBtn.textContent = 'Phát';
  });
}

/**
 * Counts this page view (the page itself is cached and the same for everyone) and shows the
 * site's live numbers in the statistics widget. A page the browser only prerenders is counted
 * when it is shown. Failures change nothing: the server-rendered numbers stay.
 */
function countVisit(): void {
  const doc = document as Document & { prerendering?: boolean };
  if (doc.prerendering) {
    document.addEventListener('prerenderingchange', countVisit, { once: true });
    return;
  }
  const article = document.querySelector<HTMLElement>('[data-article-id]')?.dataset.articleId;
  const body = JSON.stringify({ a: article ? Number(article) : undefined, r: document.referrer || undefined });
  if (typeof fetch !== 'function') {
    navigator.sendBeacon?.('/thong-ke/ghi', body);
    return;
  }
  fetch('/thong-ke/ghi', { method: 'POST', headers: { 'content-type': 'application/json' }, body, keepalive: true, credentials: 'omit' })
    .then((r) => (r.ok ? r.json() : null))
    .then((n: Record<string, number> | null) => {
      if (!n) return;
      const nf = new Intl.NumberFormat('vi-VN');
      document.querySelectorAll<HTMLElement>('[data-stat]').forEach((el) => {
        const v = n[el.dataset.stat ?? ''];
        if (typeof v === 'number') el.textContent = nf.format(v);
      });
      const views = document.querySelector<HTMLElement>('[data-article-views]');
      if (views && typeof n.views === 'number') views.hidden = false;
    })
    .catch(() => undefined);
}

/**
 * YouTube click-to-load: the page shows a link to the video on YouTube; on a click the
 * youtube-nocookie.com player takes its place (the only origin the page's CSP lets it frame).
 * Nothing is requested from YouTube before the click.
 */
function setupYoutube(): void {
  document.querySelectorAll<HTMLAnchorElement>('a[data-youtube-embed]').forEach((a) => {
    a.addEventListener('click', (e) => {
      const src = a.dataset.youtubeEmbed ?? '';
      if (!src.startsWith('https://www.youtube-nocookie.com/embed/')) return;
      e.preventDefault();
      const frame = document.createElement('iframe');
      frame.src = src;
      frame.title = `Video: ${a.dataset.youtubeTitle ?? ''}`;
      frame.allow = 'autoplay; encrypted-media; picture-in-picture; fullscreen';
      frame.allowFullscreen = true;
      frame.className = 'youtube-frame';
      a.replaceWith(frame);
      frame.focus();
    });
  });
}

/** Photo pages: the arrow keys go to the previous and next photo (the links do the same). */
function setupPhotoKeys(): void {
  const links = { ArrowLeft: 'prev', ArrowRight: 'next' } as const;
  if (!document.querySelector('[data-photo-nav]')) return;
  document.addEventListener('keydown', (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    const target = e.target as HTMLElement | null;
    if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
    const dir = links[e.key as keyof typeof links];
    const link = dir && document.querySelector<HTMLAnchorElement>(`[data-photo-nav="${dir}"]`);
    if (link) location.href = link.href;
  });
}

setupFontSize();
setupPrintAndCopy();
setupYoutube();
setupPhotoKeys();
document.querySelectorAll<HTMLElement>('[data-playlist]').forEach(setupPlaylist);
countVisit();
