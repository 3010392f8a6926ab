import type { Worker } from 'node:cluster';
import type { Config } from '../../config.js';
import type { DatabaseHandle } from '../db/connection.js';
import { isClusterMessage, type ClusterMessage } from './messages.js';

/**
 * A service the primary holds for every worker: the one real object behind the workers'
 * proxies (so that counts stay exact whichever worker a request lands on). Its methods take and
 * return JSON values.
 */
export interface PrimaryService {
  name: string;
  methods: Record<string, (...args: never[]) => unknown>;
  /** After the last worker has stopped (e.g. the last statistics flush). */
  close?(): Promise<void>;
}

/** Answers the workers' calls and relays their purges to the other workers. */
export class ServiceHost {
  private readonly services = new Map<string, PrimaryService>();

  constructor(services: PrimaryService[], private readonly workers: () => Iterable<Worker>) {
    for (const s of services) this.services.set(s.name, s);
  }

  /** Starts answering a new worker. */
  serve(worker: Worker): void {
    worker.on('message', (m: unknown) => {
      if (!isClusterMessage(m)) return;
      if (m.cong === 'call') void this.answer(worker, m);
      else if (m.cong === 'purge') this.relay(worker, m);
    });
  }

  private async answer(worker: Worker, m: Extract<ClusterMessage, { cong: 'call' }>): Promise<void> {
    let reply: ClusterMessage;
    try {
      const fn = this.services.get(m.service)?.methods[m.method] as ((...args: unknown[]) => unknown) | undefined;
      if (!fn) throw new Error(`no method ${m.service}.${m.method}`);
      reply = { cong: 'reply', id: m.id, ok: true, value: (await fn(...m.args)) ?? null };
    } catch (err) {
      reply = { cong: 'reply', id: m.id, ok: false, error: (err as Error).message };
    }
    if (worker.isConnected()) worker.send(reply);
  }

  private relay(from: Worker, m: ClusterMessage): void {
    for (const w of this.workers()) if (w !== from && w.isConnected()) w.send(m);
  }

  /** After every worker has exited. */
  async close(): Promise<void> {
    for (const s of this.services.values()) await s.close?.();
  }
}

/** What a feature's primary service is made from (in the primary, after migrations). */
export interface PrimaryDeps {
  config: Config;
  database: DatabaseHandle;
  now: () => Date;
  onError: (err: unknown) => void;
}
