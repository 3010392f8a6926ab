import type { PurgeBus, PurgeHandler, PurgeMessage } from '../http/purge-bus.js';
import type { PrimaryLink } from './link.js';

/**
 * The purge bus of a worker without Redis: a purge goes to the primary, which relays it to every
 * other worker (never back to the sender, like RedisPurgeBus).
 */
export class IpcPurgeBus implements PurgeBus {
  constructor(private readonly link: PrimaryLink) {}

  publish(message: PurgeMessage): void {
    this.link.publishPurge(message);
  }

  subscribe(handler: PurgeHandler): void {
    this.link.onPurge(handler);
  }

  async close(): Promise<void> {
    this.link.offPurges();
  }
}
