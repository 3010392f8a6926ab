import { clientBucket, type Counter } from '../../kernel/citizen/limits.js';

/**
 * Rate limits of the public question form and of the tracking-code lookup, on the counters of
 * the comments (src/kernel/citizen/limits.ts: memory, or Redis when instances share it). Buckets are
 * keyed by an HMAC of the IP address, never the address itself.
 */
export const QUESTION_LIMITS = {
  /** Questions one IP address may send per window. */
  perIp: 3,
  /** Verified questions one site may receive per window from everyone (a flood from many addresses). */
  perSite: 60,
  /**
   * The part of `perSite` that answers to the fallback question may use: a script can solve the
   * question, so it must not be able to close the form to everyone (issue 16).
   */
  perSiteFallback: 15,
  windowMs: 60 * 60_000,
  /** Lookups one IP address may make per window: enough for a family, far too few to guess codes. */
  lookupsPerIp: 20,
  lookupWindowMs: 15 * 60_000,
};

export type QuestionLimits = typeof QUESTION_LIMITS;

export const TOO_MANY_QUESTIONS = 'Bạn đã gửi nhiều câu hỏi trong thời gian ngắn. Vui lòng thử lại sau.';
export const SITE_BUSY = 'Hệ thống đang nhận quá nhiều câu hỏi. Vui lòng thử lại sau ít phút.';
export const TOO_MANY_LOOKUPS = 'Bạn đã tra cứu quá nhiều lần. Vui lòng thử lại sau 15 phút.';

export class QuestionLimiter {
  constructor(private readonly counter: Counter, private readonly secret: string, private readonly limits: QuestionLimits = QUESTION_LIMITS) {}

  private who(ip: string): string {
    return clientBucket(this.secret, ip);
  }

  /**
   * Counts an attempt from the address, first, before the proof is looked at; the Vietnamese
   * reason when it is over its limit, null when allowed.
   */
  async takeAddress(ip: string, nowMs: number): Promise<string | null> {
    const { perIp, windowMs } = this.limits;
    return (await this.counter.take(`hd-ip:${this.who(ip)}`, perIp, windowMs, nowMs)) ? null : TOO_MANY_QUESTIONS;
  }

  /**
   * Counts a verified question on the site's budget, shared by everyone: only after the proof
   * passed, so junk proofs spend nobody's budget but their sender's (`fallback`: verified by the
   * fallback question).
   */
  async takeSite(siteId: number, nowMs: number, fallback: boolean): Promise<string | null> {
    const { perSite, perSiteFallback, windowMs } = this.limits;
    if (fallback && !(await this.counter.take(`hd-site-fb:${siteId}`, perSiteFallback, windowMs, nowMs))) return SITE_BUSY;
    return (await this.counter.take(`hd-site:${siteId}`, perSite, windowMs, nowMs)) ? null : SITE_BUSY;
  }

  async takeLookup(ip: string, nowMs: number): Promise<string | null> {
    const ok = await this.counter.take(`hd-lookup:${this.who(ip)}`, this.limits.lookupsPerIp, this.limits.lookupWindowMs, nowMs);
    return ok ? null : TOO_MANY_LOOKUPS;
  }
}
