import { formatLongDate } from '../../../kernel/lib/format.js';
import type { Frame } from '../../../kernel/views/public/frame.js';
import { Layout } from '../../../kernel/views/public/layout.js';
import { qaUrls } from '../labels.js';
import type { PublicQuestion } from '../repo.js';
import type { QuestionTopicRow } from '../../../kernel/db/tables/questions.js';
import { PlainText } from './text.js';

/**
 * One published question with its answer. The asker is "Công dân": no name, initials, contact
 * or address (the repository does not even select them). JSON-LD QAPage with the accepted answer.
 */
export function QaPage({ frame, q, topic }: { frame: Frame; q: PublicQuestion; topic: QuestionTopicRow | null }) {
  const path = qaUrls.item(q);
  const ld = {
    '@context': 'https://schema.org',
    '@type': 'QAPage',
    mainEntity: {
      '@type': 'Question',
      name: q.title,
      text: q.body,
      dateCreated: q.created_at,
      answerCount: 1,
      author: { '@type': 'Person', name: 'Công dân' },
      acceptedAnswer: {
        '@type': 'Answer',
        text: q.answer,
        dateCreated: q.answered_at,
        url: frame.origin + path,
        author: { '@type': 'Organization', name: frame.site.name },
      },
    },
  };
  const crumbs = [{ name: 'Trang chủ', href: '/' }, { name: 'Hỏi đáp', href: qaUrls.list() }];
  if (topic) crumbs.push({ name: topic.name, href: qaUrls.topic(topic.slug) });
  crumbs.push({ name: q.title, href: path });
  return (
    <Layout frame={frame} meta={{ title: q.title, description: q.body.slice(0, 160), canonicalPath: path, ogType: 'article', publishedTime: q.published_at ?? undefined, jsonLd: [ld], current: 'hoi-dap' }} crumbs={crumbs}>
      <article class="qa-item">
        <h1 class="page-title">{q.title}</h1>
        {topic && <p class="qa-meta">Chủ đề: <a href={qaUrls.topic(topic.slug)}>{topic.name}</a></p>}
        <section class="qa-question" aria-labelledby="hd-hoi">
          <h2 id="hd-hoi">Câu hỏi</h2>
          <p class="qa-meta">Công dân hỏi <time dateTime={q.created_at}>{formatLongDate(q.created_at)}</time></p>
          <PlainText text={q.body} />
        </section>
        <section class="qa-answer" aria-labelledby="hd-tra-loi">
          <h2 id="hd-tra-loi">Trả lời</h2>
          {q.answered_at && <p class="qa-meta">{frame.site.name} trả lời <time dateTime={q.answered_at}>{formatLongDate(q.answered_at)}</time></p>}
          <PlainText text={q.answer} />
        </section>
      </article>
      <p><a href={qaUrls.list()}>« Các câu hỏi khác</a> · <a href={qaUrls.ask()}>Gửi câu hỏi</a></p>
    </Layout>
  );
}
