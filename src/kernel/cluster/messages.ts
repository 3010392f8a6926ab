import type { PurgeMessage } from '../http/purge-bus.js';

/**
 * What the primary and its workers say to each other over the cluster's IPC channel (JSON).
 * Every message carries `cong`, so node's own cluster messages are never mistaken for ours.
 */
export type ClusterMessage =
  /** worker → primary: call `method` of the primary's `service`; answered by a `reply` with the same id. */
  | { cong: 'call'; id: number; service: string; method: string; args: unknown[] }
  /** primary → worker */
  | { cong: 'reply'; id: number; ok: true; value: unknown }
  | { cong: 'reply'; id: number; ok: false; error: string }
  /** worker → primary: a purge to relay; primary → the other workers: a purge to apply. */
  | { cong: 'purge'; message: PurgeMessage }
  /** primary → worker: stop accepting, finish what is in flight, write what is pending, exit. */
  | { cong: 'stop' };

export function isClusterMessage(m: unknown): m is ClusterMessage {
  return typeof m === 'object' && m !== null && typeof (m as { cong?: unknown }).cong === 'string';
}
