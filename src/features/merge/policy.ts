import type { Actor } from '../../kernel/access/actor.js';

/** Merging sites moves content between sites and archives whole sites: system admins only. */
export const mergePolicy = {
  merge: (a: Actor) => a.isSystemAdmin,
};
