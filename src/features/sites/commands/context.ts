import type { FastifyRequest } from 'fastify';
import { commandContext, type CommandContext, type CommandResult } from '../../../kernel/commands.js';
import { AppError } from '../../../kernel/lib/errors.js';
import type { SiteResolver } from '../../../kernel/sites/resolver.js';
import { sitePolicy } from '../policy.js';

/** Site commands also reload the in-memory site table when they change a site row. */
export interface SiteCommandContext extends CommandContext {
  sites: SiteResolver;
}

/** The context of a site command run from a back-office request. */
export function siteCommandContext(request: FastifyRequest): SiteCommandContext {
  return { ...commandContext(request), sites: request.server.cong.sites };
}

export type { CommandContext, CommandResult };

export type FieldErrors = Record<string, string>;

/** Refuses unless the actor manages the site the command acts on. */
export function assertSiteAdmin(cx: CommandContext): void {
  if (!sitePolicy.manage(cx.actor, cx.site.id)) throw new AppError('forbidden');
}

export function fail(errors: FieldErrors): { ok: false; errors: FieldErrors } {
  return { ok: false, errors };
}

/** Trimmed NFC text with inner whitespace collapsed; a message when it is empty or too long. */
export function cleanText(raw: string | undefined, label: string, max: number, required = true): { value: string; error?: string } {
  const value = (raw ?? '').normalize('NFC').trim().replace(/\s+/g, ' ');
  if (required && !value) return { value, error: `Vui lòng nhập ${label}.` };
  if (value.length > max) return { value, error: `${capitalise(label)} dài tối đa ${max} ký tự (hiện có ${value.length}).` };
  return { value };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A URL slug: lowercase ASCII words joined by "-". */
export const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MESSAGE = 'Đường dẫn chỉ gồm chữ thường không dấu (a–z), chữ số và dấu gạch ngang, ví dụ "tin-tuc".';
