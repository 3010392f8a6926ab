import type { Db } from '../../../kernel/db/connection.js';
import type { MediaStorage } from '../../../kernel/storage/media-storage.js';
import { applyMerge } from '../apply.js';
import { planMerge, totalMoved, type CategoryMode, type MergePlan, type MergeSite } from '../plan.js';

export interface MergeRequest {
  into: string;
  olds: string[];
  mode: CategoryMode;
  dryRun: boolean;
}

export interface MergeProgress {
  done: number;
  total: number;
  perSecond: number;
  secondsLeft: number | null;
}

export interface MergeDeps {
  db: Db;
  media: MediaStorage;
  now: Date;
  actorId: number | null;
  progress?: (p: MergeProgress) => void;
  /** After each old site's transaction has committed: purge the page cache of both sites, reload the site table. */
  afterCommit?: (siteIds: number[]) => Promise<void> | void;
}

export interface SiteOutcome {
  plan: MergePlan;
  /** Nothing was left to move: the old site had already been merged into the target. */
  noop: boolean;
}

export type MergeResult =
  | { ok: true; dryRun: boolean; sites: SiteOutcome[] }
  /** Bad input: every message, and the same keyed by the form field it is about (into, olds, mode). */
  | { ok: false; errors: string[]; fields: Record<string, string> }
  /** An old site's transaction failed: the sites before it are merged, it and the rest are untouched. */
  | { ok: false; errors: string[]; merged: SiteOutcome[]; failed: string };

async function findSite(db: Db, code: string): Promise<MergeSite | null> {
  const row = await db.selectFrom('sites').select(['id', 'code', 'name', 'archived_at', 'successors']).where('code', '=', code).executeTakeFirst();
  return row ? { id: row.id, code: row.code, name: row.name, archivedAt: row.archived_at, successors: JSON.parse(row.successors) as number[] } : null;
}

/** Checks the request; every problem is named, in Vietnamese, before anything is read further or written. */
export async function checkMergeRequest(db: Db, r: MergeRequest): Promise<{ errors: string[]; fields: Record<string, string>; target: MergeSite | null; olds: MergeSite[] }> {
  const errors: string[] = [];
  const fields: Record<string, string> = {};
  const push = (field: 'into' | 'olds' | 'mode', message: string) => {
    errors.push(message);
    fields[field] = fields[field] ? `${fields[field]} ${message}` : message;
  };
  const into = r.into.trim();
  const olds = r.olds.map((c) => c.trim()).filter(Boolean);
  if (!into) push('into', 'Hãy chọn trang nhận nội dung.');
  if (!olds.length) push('olds', 'Hãy nêu ít nhất một trang cũ cần hợp nhất.');
  if (r.mode !== 'subtree' && r.mode !== 'by-name') push('mode', `Cách gộp chuyên mục “${String(r.mode)}” không hợp lệ: chọn subtree hoặc by-name.`);
  const target = into ? await findSite(db, into) : null;
  if (into && !target) push('into', `Không có trang thông tin mã ${into}.`);
  if (target?.archivedAt) push('into', `Trang ${into} đã là trang lưu trữ, không nhận thêm nội dung: hãy chọn một trang đang hoạt động.`);
  const seen = new Set<string>();
  const found: MergeSite[] = [];
  for (const code of olds) {
    if (code === into) {
      push('olds', `Trang ${code} vừa là trang nhận vừa là trang cũ: một trang không hợp nhất vào chính nó.`);
      continue;
    }
    if (seen.has(code)) {
      push('olds', `Trang cũ ${code} được nêu hai lần.`);
      continue;
    }
    seen.add(code);
    const site = await findSite(db, code);
    if (!site) push('olds', `Không có trang thông tin mã ${code}.`);
    else found.push(site);
  }
  return { errors, fields, target, olds: found };
}

/**
 * `cong merge-sites` and the system-admin screen: folds old sites into a target, one transaction
 * per old site (a failure leaves that site untouched and the ones before it complete; running the
 * same merge again continues with what is left). A dry run plans every site and writes nothing.
 */
export async function mergeSites(deps: MergeDeps, r: MergeRequest): Promise<MergeResult> {
  const { errors, fields, target, olds } = await checkMergeRequest(deps.db, r);
  if (errors.length || !target) return { ok: false, errors, fields };

  const isNoop = (p: MergePlan) => p.alreadyInto && totalMoved(p) === 0 && p.repointed === 0;
  if (r.dryRun) return { ok: true, dryRun: true, sites: await rehearse(deps.db, target, olds, r.mode, isNoop) };

  // The total is estimated from each site alone and corrected as each site is planned in its transaction.
  const estimates = new Map<number, number>();
  for (const old of olds) estimates.set(old.id, totalMoved(await planMerge(deps.db, target, old, r.mode)));
  let total = [...estimates.values()].reduce((a, b) => a + b, 0);
  const started = Date.now();
  let done = 0;
  const report = () => {
    const seconds = (Date.now() - started) / 1000;
    const perSecond = seconds > 0 ? done / seconds : 0;
    deps.progress?.({ done, total, perSecond, secondsLeft: perSecond > 0 ? Math.max(0, total - done) / perSecond : null });
  };
  report();
  const outcomes: SiteOutcome[] = [];
  for (const old of olds) {
    try {
      const outcome = await deps.db.transaction().execute(async (tx) => {
        // Planned again inside the transaction: what is applied is exactly what was read.
        const plan = await planMerge(tx, target, old, r.mode);
        total += totalMoved(plan) - estimates.get(old.id)!;
        if (isNoop(plan)) return { plan, noop: true };
        await applyMerge(tx, plan, {
          media: deps.media,
          now: deps.now,
          actorId: deps.actorId,
          step: (_kind, n) => {
            done += n;
            report();
          },
        });
        return { plan, noop: false };
      });
      outcomes.push(outcome);
      if (!outcome.noop) await deps.afterCommit?.([target.id, old.id]);
    } catch (err) {
      return {
        ok: false,
        errors: [`Hợp nhất trang ${old.code} thất bại, trang này chưa bị thay đổi: ${(err as Error).message}`],
        merged: outcomes,
        failed: old.code,
      };
    }
  }
  return { ok: true, dryRun: false, sites: outcomes };
}

const ROLLBACK = Symbol('dry run');

/**
 * The dry run does the whole merge in one transaction and rolls it back, copying no file: the plan
 * of the second old site then sees what the first brought (a category it maps onto, a slug taken).
 */
async function rehearse(db: Db, target: MergeSite, olds: MergeSite[], mode: CategoryMode, isNoop: (p: MergePlan) => boolean): Promise<SiteOutcome[]> {
  const outcomes: SiteOutcome[] = [];
  await db
    .transaction()
    .execute(async (tx) => {
      for (const old of olds) {
        const plan = await planMerge(tx, target, old, mode);
        const noop = isNoop(plan);
        if (!noop) await applyMerge(tx, plan, { media: null, now: new Date(0), actorId: null });
        outcomes.push({ plan, noop });
      }
      throw ROLLBACK;
    })
    .catch((err: unknown) => {
      if (err !== ROLLBACK) throw err;
    });
  return outcomes;
}
