import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { IdParams } from '../../../kernel/http/route-schemas.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { flash, redirectWithFlash } from '../../../kernel/http/flash.js';
import { actorOf, ADMIN, adminFrame, sendAdmin } from '../../../kernel/http/admin-scope.js';
import { limitedTo } from '../../../kernel/http/limits.js';
import { backOfficePolicy } from '../policy.js';
import { answerInvitation } from './answer.js';
import { cancelInvitation } from './cancel.js';
import { listMyInvitations, listSiteInvitations } from './repo.js';
import { MyInvitationsPage, SiteInvitationsPage } from './views.js';

const NOTICES = {
  'da-chap-nhan': 'Đã chấp nhận lời mời. Bạn có vai trò trên trang đó từ bây giờ.',
  'da-tu-choi': 'Đã từ chối lời mời.',
};
const SITE_NOTICES = { 'da-huy': 'Đã hủy lời mời.' };

/**
 * The invited person's side (any signed-in person, with or without a role on this site) and the
 * site administrator's list of open invitations. The invitation form posts to the users screen.
 */
export async function invitationRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = app.cong;
  const invitee = { config: { invitee: true } };

  app.get(`${ADMIN}/loi-moi`, invitee, async (request, reply) => {
    const invitations = await listMyInvitations(ctx.db, actorOf(request).userId, ctx.now());
    return sendAdmin(reply, <MyInvitationsPage frame={adminFrame(app, request, reply)} invitations={invitations} notice={flash(request, NOTICES)} />);
  });

  const answering = { config: { invitee: true, ...limitedTo(30).config }, schema: { params: IdParams } };
  for (const [path, accept] of [['chap-nhan', true], ['tu-choi', false]] as const) {
    app.post(`${ADMIN}/loi-moi/:id/${path}`, answering, async (request, reply) => {
      await answerInvitation(ctx.db, actorOf(request).userId, Number(request.params.id), accept, ctx.now());
      return redirectWithFlash(reply, `${ADMIN}/loi-moi`, accept ? 'da-chap-nhan' : 'da-tu-choi');
    });
  }

  app.get(`${ADMIN}/nguoi-dung/loi-moi`, async (request, reply) => {
    if (!backOfficePolicy.manageUsers(actorOf(request), request.site.id)) throw new AppError('forbidden');
    const invitations = await listSiteInvitations(ctx.db, request.site.id, ctx.now());
    return sendAdmin(reply, <SiteInvitationsPage frame={adminFrame(app, request, reply)} invitations={invitations} notice={flash(request, SITE_NOTICES)} />);
  });

  app.post(`${ADMIN}/nguoi-dung/loi-moi/:id/huy`, { schema: { params: IdParams } }, async (request, reply) => {
    const actor = actorOf(request);
    if (!backOfficePolicy.manageUsers(actor, request.site.id)) throw new AppError('forbidden');
    await cancelInvitation(ctx.db, request.site.id, actor.userId, Number(request.params.id), ctx.now());
    return redirectWithFlash(reply, `${ADMIN}/nguoi-dung/loi-moi`, 'da-huy');
  });
}
