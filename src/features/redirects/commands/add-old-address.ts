import { writeAudit } from '../../../kernel/audit.js';
import { fail, line, type FieldErrors } from '../../../kernel/forms.js';
import { oldAddressHost, oldAddressKey, recordOldAddress } from '../../../kernel/sites/old-addresses.js';
import { assertSiteAdmin, type CommandContext, type CommandResult } from '../../sites/commands/context.js';
import { listSiteHosts } from '../repo.js';

export interface OldAddressForm {
  /** A path with its query ("/?p=12") or a whole URL, whose host is then the old host. */
  from_url: string;
  /** For a path: one of the site's hosts, or '' for any of them. */
  host: string;
  /** A path of this site. */
  to_path: string;
}

export const EMPTY_OLD_ADDRESS: OldAddressForm = { from_url: '', host: '', to_path: '' };

const WHOLE_URL = /^https?:\/\//i;
const HOSTNAME = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$/;
const SITE_PATH = /^\/(?!\/)\S*$/;

/** The old address and its host, or the message for the field that is wrong. */
async function checkFrom(cx: CommandContext, form: OldAddressForm, errors: FieldErrors): Promise<{ from: string; host: string }> {
  const from = line(form.from_url, { label: 'địa chỉ cũ', max: 2000 });
  if (from.error) errors.from_url = from.error;
  else if (WHOLE_URL.test(from.value)) {
    const host = oldAddressHost(from.value);
    if (!HOSTNAME.test(host)) errors.from_url = 'Địa chỉ cũ không hợp lệ, ví dụ https://honglinh.hatinh.gov.vn/portal/pages/2019-05-05/Tin-123456.aspx.';
    else {
      // tenancy: which site answers the typed host. A host another site answers is that site's:
      // its addresses are added there (the public side follows only the answering site's rows).
      const owner = await cx.db.selectFrom('site_hosts').select('site_id').where('host', '=', host).executeTakeFirst();
      if (owner && owner.site_id !== cx.site.id) errors.from_url = `Tên miền ${host} thuộc một trang khác trên máy chủ; địa chỉ cũ của tên miền đó được thêm ở trang ấy.`;
    }
    return { from: from.value, host };
  } else if (!from.value.startsWith('/') || from.value.startsWith('//')) {
    errors.from_url = 'Địa chỉ cũ phải là đường dẫn bắt đầu bằng "/" (ví dụ /?p=12) hoặc địa chỉ đầy đủ bắt đầu bằng http:// hoặc https://.';
  }
  const host = form.host.trim().toLowerCase();
  if (host && !(await listSiteHosts(cx.db, cx.site.id)).includes(host)) errors.host = 'Vui lòng chọn một tên miền của trang này.';
  return { from: from.value, host };
}

/**
 * Adds an old address of this site (source "manual"): asked of the old host (or of any of the
 * site's hosts), it answers 301 to a path of this site.
 */
export async function addOldAddress(cx: CommandContext, form: OldAddressForm): Promise<CommandResult> {
  assertSiteAdmin(cx);
  const { db, site, actor, now } = cx;
  const errors: FieldErrors = {};
  const { from, host } = await checkFrom(cx, form, errors);
  const key = errors.from_url ? '' : oldAddressKey(from);
  if (key === '/') errors.from_url = 'Trang chủ không thể là địa chỉ cũ: địa chỉ "/" luôn mở trang chủ.';
  else if (key === '/quan-tri' || key.startsWith('/quan-tri/')) errors.from_url = 'Địa chỉ của trang quản trị không thể là địa chỉ cũ.';
  const to = line(form.to_path, { label: 'địa chỉ đích', max: 1000 });
  if (to.error) errors.to_path = to.error;
  else if (!SITE_PATH.test(to.value)) errors.to_path = 'Địa chỉ đích phải là một đường dẫn trên trang này, bắt đầu bằng "/", ví dụ /bai-viet/le-hoi-12.';
  else if (key && oldAddressKey(to.value) === key) errors.to_path = 'Địa chỉ đích trùng với địa chỉ cũ: người đọc sẽ bị chuyển mãi không tới.';
  if (Object.keys(errors).length) return fail(errors);

  const result = await db.transaction().execute(async (tx) => {
    const existing = await tx.selectFrom('old_addresses').select('to_path').where('owner_site_id', '=', site.id).where('from_key', '=', key).where('host', '=', host).executeTakeFirst();
    if (existing) return fail({ from_url: `Địa chỉ cũ này đã có (dẫn tới ${existing.to_path}); xoá dòng đó trước nếu muốn đổi.` });
    await recordOldAddress(tx, { host, ownerSiteId: site.id, fromUrl: from, toSiteId: site.id, toPath: to.value, source: 'manual' }, now);
    const { id } = await tx.selectFrom('old_addresses').select('id').where('owner_site_id', '=', site.id).where('from_key', '=', key).where('host', '=', host).executeTakeFirstOrThrow();
    await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: 'old_address.create', entityType: 'old_address', entityId: id, after: { host, from_url: from, to_path: to.value } }, now);
    return { ok: true as const, value: id };
  });
  // The site's 404 page may be kept under this address, once per spelling asked so far
  // ("/Uploads/A.jpg", "/uploads/a.jpg"): the site's entries go.
  if (result.ok) cx.cache.purgeSite(site.id);
  return result;
}
