import type { Db, Dialect } from '../../kernel/db/connection.js';
import { buildDocument, keyFrom, keyTo, type IndexableArticle } from './document.js';
import type { SearchQuery } from '../../kernel/search/query.js';
import { bodyQuestions, rankCandidates } from './rank.js';
import { loadCandidates, toHits, type SearchHit } from './results.js';

/**
 * A search engine keeps the index of published articles and answers queries. Both engines
 * share everything but one dialect-specific query (`matchKeys`): they index the same folded
 * text, find the same matches, and the final order is computed in TypeScript (rank.ts), so
 * SQLite and PostgreSQL return the same results in the same order, with the same snippets.
 */
export interface SearchEngine {
  readonly dialect: Dialect;
  /** (Re)indexes an article if it is published, removes it otherwise. Pass the transaction. */
  index(tx: Db, article: IndexableArticle): Promise<void>;
  remove(tx: Db, articleId: number): Promise<void>;
  search(db: Db, siteId: number, query: SearchQuery, filters: SearchFilters, page: number): Promise<SearchResults>;
}

export interface SearchFilters {
  /** Only what is published by this time is found. */
  now: Date;
  /** A category and its descendants. */
  categoryIds?: number[];
  from?: Date;
  to?: Date;
}

export interface SearchResults {
  /** Matches found, exact up to MAX_COUNTED; `capped` when there are more. */
  total: number;
  capped: boolean;
  page: number;
  pages: number;
  hits: SearchHit[];
}

/**
 * What one engine query looks for: every clause (a word or phrase) in the title or anywhere,
 * and every code (a document number as one token, see text.ts codesOf).
 */
export interface MatchSpec {
  clauses: string[][];
  codes?: string[];
  field: 'title' | 'any';
}

/** Where an engine reports the newest matches before it has found them all. */
export interface NewestFound {
  count: number;
  found: (keys: number[]) => void;
}

/** Where: one site, a rank_key range (publish-time range), optionally some categories. */
export interface Scope {
  siteId: number;
  lo: number;
  hi: number;
  categoryIds?: number[];
}

export const PAGE_SIZE = 10;
/** The newest matches ranked in TypeScript (phrase, proximity, diacritics are checked there). */
export const NEWEST_RANKED = 100;
/** Title matches of any age added to them, from each title tier. */
export const PER_TITLE_TIER = 30;
/**
 * Matches are counted, and paged through, up to this many (newest first), as Elasticsearch
 * counts to 10,000 by default: counting all 100,000 articles holding "phường" takes FTS5 11 ms,
 * more than the rest of the search, and nobody pages past page 100. Filters reach the older ones.
 */
export const MAX_COUNTED = 1000;

export abstract class FoldedTextEngine implements SearchEngine {
  abstract readonly dialect: Dialect;
  readonly newest: number;
  readonly perTitleTier: number;
  readonly maxCounted: number;
  /** Tests lower the limits to reach the paths that large sites take. */
  constructor(limits: { newest?: number; perTitleTier?: number; maxCounted?: number } = {}) {
    this.newest = limits.newest ?? NEWEST_RANKED;
    this.perTitleTier = limits.perTitleTier ?? PER_TITLE_TIER;
    this.maxCounted = limits.maxCounted ?? MAX_COUNTED;
  }
  /**
   * rank_keys of matches, newest first; title specs use the title index. An engine that finds
   * them in several queries hands the first `newest.count` to `newest.found` as soon as it has them.
   */
  protected abstract matchKeys(db: Db, scope: Scope, spec: MatchSpec, limit: number, newest?: NewestFound): Promise<number[]>;

  async index(tx: Db, article: IndexableArticle): Promise<void> {
    await this.remove(tx, article.id);
    if (article.status !== 'published') return;
    // rank_key must be unique; another article of the same second may hold ours (rarely): probe.
    for (let probe = 0; probe < 65_536; probe++) {
      const inserted = await tx
        .insertInto('search_documents')
        .values(buildDocument(article, probe))
        .onConflict((oc) => oc.column('rank_key').doNothing())
        .returning('article_id')
        .executeTakeFirst();
      if (inserted) return;
    }
    throw new Error(`No free rank_key for article ${article.id}`);
  }

  /** Bulk (re)indexing of published articles, for reindexing: one insert per batch. */
  async indexMany(tx: Db, articles: IndexableArticle[]): Promise<void> {
    if (!articles.length) return;
    // tenancy: documents are keyed by article id (unique across sites), and the caller read these articles.
    await tx.deleteFrom('search_documents').where('article_id', 'in', articles.map((a) => a.id)).execute();
    const docs = articles.filter((a) => a.status === 'published').map((a) => buildDocument(a));
    if (!docs.length) return;
    const done = await tx
      .insertInto('search_documents')
      .values(docs)
      .onConflict((oc) => oc.column('rank_key').doNothing())
      .returning('article_id')
      .execute();
    const ok = new Set(done.map((r) => r.article_id));
    for (const a of articles) if (a.status === 'published' && !ok.has(a.id)) await this.index(tx, a);
  }

  async remove(tx: Db, articleId: number): Promise<void> {
    // tenancy: keyed by article id (unique across sites); the caller read the article in its own site.
    await tx.deleteFrom('search_documents').where('article_id', '=', articleId).execute();
  }

  /**
   * One query lists the newest matches (up to maxCounted + 1: the count, and the order of
   * whatever the ranking leaves); the title tiers add the best title matches of any age. These
   * candidates are ranked in TypeScript; the other matches follow them, newest first.
   *
   * Phrases and proximity are checked on the candidates' folded text rather than by a phrase
   * query: FTS5 evaluates a phrase of common words over every article holding them (30 ms at
   * 100,000 articles), whatever the rowid range, while looking into ~125 folded texts costs
   * a millisecond or two whatever the words (the database answers whether each holds the
   * phrase; TypeScript measures the words' distance in those that do not, see results.ts).
   */
  async search(db: Db, siteId: number, q: SearchQuery, filters: SearchFilters, page: number): Promise<SearchResults> {
    const end = filters.to && filters.to < filters.now ? filters.to : filters.now;
    const scope: Scope = {
      siteId,
      lo: filters.from ? keyFrom(filters.from.getTime()) : Number.MIN_SAFE_INTEGER,
      hi: keyTo(end.getTime()),
      categoryIds: filters.categoryIds,
    };
    const [title, titleWords, all] = tiers(q);
    if (scope.lo > scope.hi) return { total: 0, capped: false, page: 1, pages: 0, hits: [] };
    // The three lists do not depend on each other: PostgreSQL answers them on three connections
    // at once; SQLite (synchronous) one after the other, as before. The ranking needs only the
    // newest of the first list: it starts as soon as they are known, while PostgreSQL counts on.
    const ranks = Math.min(this.newest, this.maxCounted);
    let newestFound: (keys: number[]) => void = () => undefined;
    const newest = new Promise<number[]>((resolve) => (newestFound = resolve));
    const all$ = this.matchKeys(db, scope, all, this.maxCounted + 1, { count: Math.max(1, ranks), found: newestFound });
    all$.then(newestFound, () => newestFound([]));
    const [first, ...titled] = await Promise.all([
      newest,
      ...[title, titleWords].map((spec) => (spec ? this.matchKeys(db, scope, spec, this.perTitleTier) : [])),
    ]);
    if (!first.length) return this.noMatches(await all$);

    const keys = new Set(first.slice(0, ranks));
    for (const list of titled) for (const k of list) keys.add(k);
    const ranked = rankCandidates(q, await loadCandidates(db, this.dialect, siteId, [...keys], bodyQuestions(q)));
    // A page within the ranked candidates is theirs whatever the count: its hits are read now.
    const at = (Math.max(1, page) - 1) * PAGE_SIZE;
    const early = at + PAGE_SIZE <= ranked.length ? toHits(db, siteId, q, ranked.slice(at, at + PAGE_SIZE), filters.now.toISOString()) : null;
    early?.catch(() => undefined);

    const head = await all$;
    const capped = head.length > this.maxCounted;
    if (capped) head.pop();
    const order = [...ranked.map((c) => c.rank_key), ...head.filter((k) => !keys.has(k))];
    const pages = Math.ceil(order.length / PAGE_SIZE);
    page = Math.min(Math.max(1, page), pages);
    const total = capped ? this.maxCounted : order.length;
    if (early) return { total, capped, page, pages, hits: await early };
    const shownKeys = order.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
    const byKey = new Map(ranked.map((c) => [c.rank_key, c]));
    for (const c of await loadCandidates(db, this.dialect, siteId, shownKeys.filter((k) => !byKey.has(k)), null)) byKey.set(c.rank_key, c);
    const shown = shownKeys.map((k) => byKey.get(k)).filter((c) => c !== undefined);
    const hits = await toHits(db, siteId, q, shown, filters.now.toISOString());
    return { total, capped, page, pages, hits };
  }

  private noMatches(head: number[]): SearchResults {
    if (head.length) throw new Error('Matches were found after none were reported');
    return { total: 0, capped: false, page: 1, pages: 0, hits: [] };
  }
}

/**
 * What the engine is asked: the whole query as a phrase in the title (null when there is no
 * phrase to look for: one word, or one quoted phrase), every word in the title, every word
 * anywhere — with document numbers as codes there, phrases in the (short) titles.
 */
export function tiers(q: SearchQuery): [MatchSpec | null, MatchSpec, MatchSpec] {
  const whole = q.sequence;
  const onePhrase = q.clauses.length === 1 && q.clauses[0]!.length === whole.length;
  const phrase = whole.length > 1 && !onePhrase;
  const all: MatchSpec = {
    clauses: q.clauses.filter((c) => !q.codes.has(c.join(' '))),
    codes: q.clauses.flatMap((c) => q.codes.get(c.join(' ')) ?? []),
    field: 'any',
  };
  return [phrase ? { clauses: [whole], field: 'title' } : null, { clauses: q.clauses, field: 'title' }, all];
}
