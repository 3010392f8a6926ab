import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import { commandContext as cx } from '../../../kernel/commands.js';
import { actorOf, adminFrame, bodyField, sendAdmin } from '../../../kernel/http/admin-scope.js';
import { flash, redirectWithFlash } from '../../../kernel/http/flash.js';
import { AppError } from '../../../kernel/lib/errors.js';
import type { FieldErrors } from '../../../kernel/views/admin/forms.js';
import { saveSettings, type SettingsForm } from '../commands/save-settings.js';
import type { FieldGroup, Values } from '../fields.js';
import { disclosurePolicy } from '../policy.js';
import { readSettings } from '../settings.js';
import { DISCLOSURE_FLASH } from './messages.js';
import { SettingsScreen } from './settings-screen.js';

export interface SettingsPage {
  path: string;
  title: string;
  publicPath: string;
  groups: readonly FieldGroup[];
  form: SettingsForm;
  /** What the form shows before anything is saved (a new site). */
  defaults: Values;
  intro?: ComponentChildren;
  /** More of the screen below the form (a section's list of notices), loaded per request. */
  after?: (app: FastifyInstance, request: FastifyRequest, csrf: string) => Promise<ComponentChildren>;
}

export function guardDisclosure(request: FastifyRequest): void {
  if (!disclosurePolicy.manage(actorOf(request), request.site.id)) throw new AppError('forbidden');
}

/** GET and POST of one settings form: 422 with the typed values and messages, 303 once saved. */
export function settingsRoutes(app: FastifyInstance, page: SettingsPage): void {
  const screen = async (request: FastifyRequest, reply: FastifyReply, values: Values, errors: FieldErrors, status = 200) => {
    const frame = adminFrame(app, request, reply);
    return sendAdmin(
      reply,
      <SettingsScreen
        frame={frame}
        title={page.title}
        action={page.path}
        publicPath={page.publicPath}
        groups={page.groups}
        values={values}
        errors={errors}
        notice={flash(request, DISCLOSURE_FLASH)}
        intro={page.intro}
        after={page.after ? await page.after(app, request, frame.csrf) : undefined}
      />,
      status,
    );
  };

  app.get(page.path, async (request, reply) => {
    guardDisclosure(request);
    return screen(request, reply, (await readSettings(app.cong.db, request.site.id, page.form.key)) ?? page.defaults, {});
  });

  app.post(page.path, async (request, reply) => {
    guardDisclosure(request);
    const raw: Values = {};
    for (const f of page.form.fields) raw[f.name] = bodyField(request, f.name) ?? '';
    const r = await saveSettings(cx(request), page.form, raw);
    if (!r.ok) return screen(request, reply, raw, r.errors, 422);
    return redirectWithFlash(reply, page.path, 'da-luu');
  });
}
