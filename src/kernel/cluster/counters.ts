import { MemoryCounter, type Counter } from '../citizen/limits.js';
import type { PrimaryService } from './host.js';
import type { PrimaryLink } from './link.js';

/**
 * The citizen forms' fixed-window counters of a cluster without Redis: one MemoryCounter in the
 * primary, so that a limit of five comments holds whichever worker receives them.
 */
export function counterService(counter = new MemoryCounter()): PrimaryService {
  return {
    name: 'counter',
    methods: { take: (bucket: string, max: number, windowMs: number, nowMs: number) => counter.take(bucket, max, windowMs, nowMs) },
  };
}

export class RemoteCounter implements Counter {
  constructor(private readonly link: PrimaryLink) {}

  take(bucket: string, max: number, windowMs: number, nowMs: number): Promise<boolean> {
    return this.link.call<boolean>('counter', 'take', [bucket, max, windowMs, nowMs]);
  }
}
