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
  windowMs: number;
}

export const COMMENT_LIMITS: CommentLimits = { perIp: 5, perArticle: 30, windowMs: 10 * 60_000 };

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

export class CommentLimiter {
  constructor(private readonly counter: Counter, private readonly secret: string, private readonly limits: CommentLimits = COMMENT_LIMITS) {}

  /** Counts an attempt; the Vietnamese reason when a limit is exceeded, null when allowed. */
  async take(siteId: number, articleId: number, ip: string, nowMs: number): Promise<string | null> {
    const who = clientBucket(this.secret, ip);
    const { perIp, perArticle, windowMs } = this.limits;
    if (!(await this.counter.take(`ip:${who}`, perIp, windowMs, nowMs))) return 'Bạn đã gửi nhiều bình luận trong thời gian ngắn. Vui lòng thử lại sau ít phút.';
    if (!(await this.counter.take(`a:${siteId}:${articleId}`, perArticle, windowMs, nowMs))) return 'Bài viết đang nhận quá nhiều bình luận. Vui lòng thử lại sau ít phút.';
    return null;
  }
}
