import type { CommandContext } from '../../../kernel/commands.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { disclosurePolicy } from '../policy.js';

export function assertDisclosureManager(cx: CommandContext): void {
  if (!disclosurePolicy.manage(cx.actor, cx.site.id)) throw new AppError('forbidden');
  // An archived site takes no new content (issue 14).
  if (cx.site.archivedAt) throw new AppError('archived_site');
}
