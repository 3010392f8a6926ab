import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { adminFrame, sendAdmin } from '../../../kernel/http/admin-scope.js';
import { commandContext } from '../../../kernel/commands.js';
import { flash, redirectWithFlash, type FlashMessages } from '../../../kernel/http/flash.js';
import { IdParams, QueryText } from '../../../kernel/http/route-schemas.js';
import { parseId } from '../../../kernel/lib/ids.js';
import type { FieldErrors } from '../../../kernel/views/admin/forms.js';
import { BASE, formOf, guardSiteAdmin } from '../../sites/admin/shared.js';
import { addOldAddress, EMPTY_OLD_ADDRESS, type OldAddressForm } from '../commands/add-old-address.js';
import { deleteOldAddress } from '../commands/delete-old-address.js';
import { listOldAddresses, listSiteHosts, listSlugMoves } from '../repo.js';
import { tryAddress, type TryResult } from './try-address.js';
import { OldAddressesPage, type OldAddressesData } from './views.js';

export const OLD_ADDRESSES_PATH = `${BASE}/dia-chi-cu`;
const PATH = OLD_ADDRESSES_PATH;
const PAGE = 50;
const MOVES_SHOWN = 100;
const NOTICES: FlashMessages = { 'da-them': 'Đã thêm địa chỉ cũ.', 'da-xoa': 'Đã xoá địa chỉ cũ.' };

/** ?loc=<text> narrows the list, ?truoc=<row id> continues it, ?thu=<address> tries an address. */
const ListQuery = Type.Object({ loc: QueryText, truoc: QueryText, thu: QueryText });

/** The site's old addresses (Quản lý trang › Địa chỉ cũ): list, filter, try, add, delete. */
export async function oldAddressRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = app.cong;

  async function load(siteId: number, filter: string, beforeId: number | undefined): Promise<OldAddressesData> {
    const [found, hosts, moves] = await Promise.all([
      listOldAddresses(ctx.db, siteId, { text: filter, beforeId, limit: PAGE + 1 }),
      listSiteHosts(ctx.db, siteId),
      listSlugMoves(ctx.db, siteId, filter, MOVES_SHOWN),
    ]);
    const rows = found.slice(0, PAGE);
    const siteNames = new Map(ctx.sites.all().map((s) => [s.id, s.name]));
    const next = found.length > PAGE ? new URLSearchParams({ ...(filter ? { loc: filter } : {}), truoc: String(rows[rows.length - 1]!.id) }) : null;
    return { rows, siteNames, siteId, hosts, moves, filter, nextHref: next && `${PATH}?${next}` };
  }

  const page = async (request: FastifyRequest, reply: FastifyReply, o: { form?: OldAddressForm; errors?: FieldErrors; filter?: string; beforeId?: number; typed?: string; result?: TryResult | null; status?: number }) =>
    sendAdmin(reply, (
      <OldAddressesPage
        frame={adminFrame(app, request, reply)}
        path={PATH}
        data={await load(request.site.id, o.filter ?? '', o.beforeId)}
        form={o.form ?? EMPTY_OLD_ADDRESS}
        errors={o.errors ?? {}}
        notice={o.status ? undefined : flash(request, NOTICES)}
        typed={o.typed ?? ''}
        result={o.result ?? null}
      />
    ), o.status ?? 200);

  app.get(PATH, { schema: { querystring: ListQuery } }, async (request, reply) => {
    guardSiteAdmin(request);
    const { loc, truoc, thu } = request.query;
    const result = thu === undefined ? null : await tryAddress(request, thu);
    return page(request, reply, { filter: (loc ?? '').slice(0, 200), beforeId: parseId(truoc) ?? undefined, typed: thu ?? '', result });
  });

  app.post(PATH, async (request, reply) => {
    guardSiteAdmin(request);
    const form = formOf(request, EMPTY_OLD_ADDRESS);
    const r = await addOldAddress(commandContext(request), form);
    if (!r.ok) return page(request, reply, { form, errors: r.errors, status: 422 });
    return redirectWithFlash(reply, PATH, 'da-them');
  });

  app.post(`${PATH}/:id/xoa`, { schema: { params: IdParams } }, async (request, reply) => {
    guardSiteAdmin(request);
    await deleteOldAddress(commandContext(request), Number(request.params.id));
    return redirectWithFlash(reply, PATH, 'da-xoa');
  });
}
