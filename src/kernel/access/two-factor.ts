import type { SiteSettings } from '../sites/settings.js';
import { hasAnyRole, hasRole, type Actor } from './actor.js';
import type { Role } from '../db/schema.js';

/**
 * Roles that put text on the public site or administer it without a second person: they sign in
 * with two factors always. Contributors only write drafts that someone else publishes.
 */
export const TWO_FACTOR_ROLES: readonly Role[] = ['site_admin', 'approver', 'editor', 'moderator'];

/**
 * Whether the person must sign in with a second factor on this site: system administrators
 * (they control every site) and the roles above, always; every role when the site asks for it
 * (`requireTotpForAll`). A site can only tighten this, never loosen it.
 */
export function mustUseTwoFactor(actor: Actor, siteId: number, settings: Pick<SiteSettings, 'requireTotpForAll'>): boolean {
  if (actor.isSystemAdmin) return true;
  if (settings.requireTotpForAll) return hasAnyRole(actor, siteId);
  return hasRole(actor, siteId, ...TWO_FACTOR_ROLES);
}
