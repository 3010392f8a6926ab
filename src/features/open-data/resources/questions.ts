import { Type } from 'typebox';
import { limitedTo } from '../../../kernel/http/limits.js';
import { originOf } from '../../../kernel/http/render.js';
import { qaUrls } from '../../questions/labels.js';
import { listPublished, listTopics, type PublicQuestion } from '../../questions/repo.js';
import { choose, instantRange, listPage } from '../list.js';
import { API_LIMIT } from '../limits.js';
import { Choice, Cursor, ErrorBody, From, Limit, PageOf, To } from '../schemas.js';
import { sendJson } from '../send.js';
import type { Api } from '../routes.js';

const Question = Type.Object({
  id: Type.Integer(),
  kind: Type.String({ description: 'question (câu hỏi) hoặc feedback (phản ánh, kiến nghị).' }),
  title: Type.String(),
  question: Type.String({ description: 'Nội dung câu hỏi (không kèm thông tin người hỏi).' }),
  answer: Type.String({ description: 'Nội dung trả lời.' }),
  topic: Type.Union([Type.Object({ slug: Type.String(), name: Type.String() }), Type.Null()]),
  askedAt: Type.String({ format: 'date-time' }),
  answeredAt: Type.String({ format: 'date-time' }),
  url: Type.String({ format: 'uri' }),
});

const Query = Type.Object(
  { from: From, to: To, topic: Choice('Chủ đề (slug, như trong /hoi-dap/chu-de/<slug>).'), cursor: Cursor, limit: Limit },
  { additionalProperties: false },
);

/** Hỏi đáp: published answers, newest first. Never the asker's name or contact (PUBLIC_COLUMNS). */
export function questionRoutes(api: Api): void {
  const ctx = api.cong;
  api.get(
    '/v1/questions',
    {
      ...limitedTo(API_LIMIT),
      schema: {
        summary: 'Hỏi đáp',
        description: 'Câu hỏi của người dân đã được trả lời và công bố, trả lời mới nhất trước. Lọc theo khoảng ngày trả lời và chủ đề.',
        tags: ['Hỏi đáp'],
        operationId: 'listQuestions',
        querystring: Query,
        response: { 200: PageOf(Question), '4xx': ErrorBody },
      },
    },
    async (request, reply) =>
      sendJson(request, reply, async () => {
        const site = request.site;
        const q = request.query;
        const topics = await listTopics(ctx.db, site.id);
        const topicId = choose('topic', q.topic, topics.map((t) => ({ slug: t.slug, value: t.id })), 'chủ đề');
        const { since, before } = instantRange(q);
        const byId = new Map(topics.map((t) => [t.id, { slug: t.slug, name: t.name }]));
        const origin = originOf(request);
        return listPage(request, q, {
          resource: 'questions',
          shape: ['text', 'id'],
          keyOf: (x: PublicQuestion) => [x.answered_at ?? '', x.id],
          fetch: (after, n) => listPublished(ctx.db, site.id, { topicId, since, before, after: after ? { answeredAt: after[0] as string, id: after[1] as number } : undefined, limit: n }),
          present: (x) => ({
            id: x.id,
            kind: x.kind,
            title: x.title,
            question: x.body,
            answer: x.answer,
            topic: x.topic_id === null ? null : (byId.get(x.topic_id) ?? null),
            askedAt: x.created_at,
            answeredAt: x.answered_at ?? x.updated_at,
            url: origin + qaUrls.item(x),
          }),
        });
      }),
  );
}
