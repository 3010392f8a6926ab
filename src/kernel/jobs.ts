import { randomUUID } from 'node:crypto';
import type { Db } from './db/connection.js';

/**
 * Background work that runs every interval in every instance (scheduled publishing, the
 * statistics flush, the statistics housekeeping). A leased job is done by one instance at a
 * time: each round, an instance first takes or extends the job's lease in `job_leases` (for
 * three intervals), and only the holder runs it. Jobs keep nothing in memory that matters, so
 * after a crash or a restart the next round does whatever is due.
 */
export interface Job {
  /** Also the name of its lease. */
  name: string;
  intervalMs: number;
  /** true: at most one instance runs it at a time (DB lease on job_leases) */
  leased: boolean;
  /** One round. `final` is true for the run made when the application closes (see `finalRun`). */
  run(now: Date, final: boolean): Promise<void>;
  /** run once more when the app closes (e.g. the statistics flush) */
  finalRun?: boolean;
}

/**
 * Takes the lease `name` for `owner` until now + ttl, or extends it when `owner` holds it;
 * true when `owner` holds it afterwards. A lease past its end is free for anyone.
 */
export async function acquireLease(db: Db, name: string, owner: string, now: Date, ttlMs: number): Promise<boolean> {
  const expires = new Date(now.getTime() + ttlMs).toISOString();
  await db
    .insertInto('job_leases')
    .values({ name, owner, expires_at: expires })
    .onConflict((oc) =>
      oc
        .column('name')
        .doUpdateSet({ owner, expires_at: expires })
        .where((eb) => eb.or([eb('job_leases.expires_at', '<', now.toISOString()), eb('job_leases.owner', '=', owner)])),
    )
    .execute();
  const row = await db.selectFrom('job_leases').select('owner').where('name', '=', name).executeTakeFirst();
  return row?.owner === owner;
}

/** The leases live three intervals: one missed round (a slow tick, a pause) does not hand them over. */
const LEASE_INTERVALS = 3;

/**
 * Runs the jobs of one application: each one at once and then every interval, never two rounds
 * of the same job at the same time. Errors are reported to `onError`; the next round tries again.
 */
export class JobRunner {
  /** This instance, as the owner of leases (a restarted process is another owner). */
  readonly owner = randomUUID();
  private readonly jobs: Job[] = [];
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly running = new Map<Job, Promise<void>>();
  private stopping: Promise<void> | null = null;

  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
    private readonly onError: (err: unknown, job: Job) => void,
    /** Told of every round that ran (not one skipped for another instance's lease): the metrics. */
    private readonly onRound: (job: Job, ok: boolean) => void = () => undefined,
  ) {}

  start(jobs: Job[]): void {
    if (this.stopping) return;
    for (const job of jobs) {
      this.jobs.push(job);
      const timer = setInterval(() => void this.tick(job), job.intervalMs);
      // The jobs never keep the process alive on their own.
      timer.unref();
      this.timers.push(timer);
      void this.tick(job);
    }
  }

  /**
   * One round of `job`: take or extend its lease when it is leased, then run it. While a round of
   * the job is running, the same round is returned. Never rejects.
   */
  tick(job: Job, final = false): Promise<void> {
    let round = this.running.get(job);
    if (!round) {
      round = this.round(job, final)
        .then(
          (ran) => void (ran && this.onRound(job, true)),
          (err) => {
            this.onRound(job, false);
            this.onError(err, job);
          },
        )
        .finally(() => this.running.delete(job));
      this.running.set(job, round);
    }
    return round;
  }

  /** true when the job ran (false: another instance holds its lease). */
  private async round(job: Job, final: boolean): Promise<boolean> {
    const now = this.now();
    if (job.leased && !(await acquireLease(this.db, job.name, this.owner, now, job.intervalMs * LEASE_INTERVALS))) return false;
    await job.run(now, final);
    return true;
  }

  /** No more rounds; waits for the running ones, then makes the final runs. Later calls wait for the first. */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      for (const timer of this.timers.splice(0)) clearInterval(timer);
      await Promise.all(this.running.values());
      for (const job of this.jobs) if (job.finalRun) await this.tick(job, true);
    })();
    return this.stopping;
  }
}
