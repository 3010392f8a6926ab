import { createHmac } from 'node:crypto';
import type { Redis } from 'ioredis';
import { limitKeyOf } from '../http/client-address.js';

/**
 * Fixed-window counters for the comment limits, in memory or in Redis (shared by instances).
 * Buckets are keyed by an HMAC of the IP address, never the address itself.
 */
/** The bucket name of a client: an HMAC of its address (an IPv6 address by its /64), never the address. */
export function clientBucket(secret: string, ip: string): string {
  return createHmac('sha256', secret).update(limitKeyOf(ip)).digest('base64url').slice(0, 22);
}

export interface CommentLimits {
  /** Comments one IP address may send in the window. */
  perIp: number;
  /** Comments one article may receive in the window, from everyone (a flood with many addresses). */
  perArticle: number;
  /**
   * The part of `perArticle` that answers to the fallback question may use: a script can solve
   * the question, so it must not be able to close the article to everyone (issue 16).
   */
  perArticleFallback: number;
  windowMs: number;
}

export const COMMENT_LIMITS: CommentLimits = { perIp: 5, perArticle: 30, perArticleFallback: 10, windowMs: 10 * 60_000 };

export interface Counter {
  /** Counts one hit in the bucket; true while the bucket stays within `max`. */
  take(bucket: string, max: number, windowMs: number, nowMs: number): Promise<boolean>;
}

export class MemoryCounter implements Counter {
  private readonly buckets = new Map<string, { start: number; n: number }>();

  async take(bucket: string, max: number, windowMs: number, nowMs: number): Promise<boolean> {
    let b = this.buckets.get(bucket);
    if (!b || nowMs - b.start >= windowMs) {
      if (this.buckets.size > 50_000) this.sweep(windowMs, nowMs);
      b = { start: nowMs, n: 0 };
      this.buckets.set(bucket, b);
    }
    b.n += 1;
    return b.n <= max;
  }

  private sweep(windowMs: number, nowMs: number): void {
    for (const [k, v] of this.buckets) if (nowMs - v.start >= windowMs) this.buckets.delete(k);
  }
}

export class RedisCounter implements Counter {
  constructor(private readonly redis: Redis, private readonly prefix: string) {}

  async take(bucket: string, max: number, windowMs: number, nowMs: number): Promise<boolean> {
    const key = `${this.prefix}limit:${bucket}:${Math.floor(nowMs / windowMs)}`;
    const [[, n]] = (await this.redis.multi().incr(key).pexpire(key, windowMs).exec()) as [[unknown, number], unknown];
    return n <= max;
  }
}

/**
 * The budgets of the comment form, taken in two steps (src/features/comments/post-comment.ts):
 * the sender's address first, before anything else is looked at; the article's budget, shared by
 * everyone, only once the verification step has passed, so that junk proofs spend nobody's budget
 * but their sender's.
 */
export class CommentLimiter {
  constructor(private readonly counter: Counter, private readonly secret: string, private readonly limits: CommentLimits = COMMENT_LIMITS) {}

  /** Counts an attempt from the address; the Vietnamese reason when it is over its limit, null when allowed. */
  async takeAddress(ip: string, nowMs: number): Promise<string | null> {
    const { perIp, windowMs } = this.limits;
    if (!(await this.counter.take(`ip:${clientBucket(this.secret, ip)}`, perIp, windowMs, nowMs))) return 'Bạn đã gửi nhiều bình luận trong thời gian ngắn. Vui lòng thử lại sau ít phút.';
    return null;
  }

  /** Counts a verified comment on the article (`fallback`: verified by the fallback question). */
  async takeArticle(siteId: number, articleId: number, nowMs: number, fallback: boolean): Promise<string | null> {
    const { perArticle, perArticleFallback, windowMs } = this.limits;
    const busy = 'Bài viết đang nhận quá nhiều bình luận. Vui lòng thử lại sau ít phút.';
    if (fallback && !(await this.counter.take(`af:${siteId}:${articleId}`, perArticleFallback, windowMs, nowMs))) return busy;
    if (!(await this.counter.take(`a:${siteId}:${articleId}`, perArticle, windowMs, nowMs))) return busy;
    return null;
  }
}
