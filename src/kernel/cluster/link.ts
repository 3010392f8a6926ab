import cluster from 'node:cluster';
import type { PurgeMessage } from '../http/purge-bus.js';
import { isClusterMessage, type ClusterMessage } from './messages.js';

/**
 * A worker's line to the primary (CONG_WORKERS > 1): calls to the services the primary holds
 * for every worker (the form and rate-limit counters, the visit statistics), the purges it
 * relays, and the order to stop. One per process, made on first use.
 */
export class PrimaryLink {
  private next = 0;
  private readonly pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  private readonly purgeHandlers: ((m: PurgeMessage) => void)[] = [];
  private stopHandler: () => void = () => undefined;

  constructor(private readonly send: (m: ClusterMessage) => void, listen: (handler: (m: unknown) => void) => void) {
    listen((m) => this.receive(m));
  }

  /** Calls `service.method(...args)` in the primary. */
  call<T>(service: string, method: string, args: unknown[]): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const id = ++this.next;
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      try {
        this.send({ cong: 'call', id, service, method, args });
      } catch (err) {
        this.pending.delete(id);
        reject(err as Error);
      }
    });
  }

  publishPurge(message: PurgeMessage): void {
    try {
      this.send({ cong: 'purge', message });
    } catch {
      // The primary is gone: this worker is stopping anyway.
    }
  }

  onPurge(handler: (m: PurgeMessage) => void): void {
    this.purgeHandlers.push(handler);
  }

  offPurges(): void {
    this.purgeHandlers.length = 0;
  }

  onStop(handler: () => void): void {
    this.stopHandler = handler;
  }

  private receive(m: unknown): void {
    if (!isClusterMessage(m)) return;
    if (m.cong === 'reply') {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (m.ok) p.resolve(m.value);
      else p.reject(new Error(`primary: ${m.error}`));
    } else if (m.cong === 'purge') {
      for (const h of this.purgeHandlers) h(m.message);
    } else if (m.cong === 'stop') {
      this.stopHandler();
    }
  }
}

let link: PrimaryLink | null | undefined;

/** The link when this process is a cluster worker, otherwise null (one process: nothing to share). */
export function primaryLink(): PrimaryLink | null {
  if (link !== undefined) return link;
  const send = process.send?.bind(process);
  link = cluster.isWorker && send
    ? new PrimaryLink((m) => void send(m), (handler) => void process.on('message', handler))
    : null;
  return link;
}
