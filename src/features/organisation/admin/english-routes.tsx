import type { FastifyInstance } from 'fastify';
import type { Db } from '../../../kernel/db/connection.js';
import { formatDateTime } from '../../../kernel/lib/format.js';
import { agencyEnglish, needsWork, personEnglish, unitEnglish, type EnglishState } from '../english.js';
import { findAgency, listPeople, listUnits } from '../repo.js';
import { adminFrame, sendAdmin } from '../../../kernel/http/admin-scope.js';
import type { AdminFrame } from '../../../kernel/views/admin/layout.js';
import { guard, OrgAdminPage, PATHS, STALE_MESSAGE } from './shared.js';

export interface EnglishTodo {
  kind: string;
  name: string;
  href: string;
  state: EnglishState;
  viUpdatedAt: string;
  enUpdatedAt: string | null;
}

/** Every record of the site whose English side is older than its Vietnamese side or incomplete; stale first. */
export async function englishTodo(db: Db, siteId: number): Promise<EnglishTodo[]> {
  const [agency, units, people] = await Promise.all([findAgency(db, siteId), listUnits(db, siteId), listPeople(db, siteId)]);
  const out: EnglishTodo[] = [];
  if (agency) out.push({ kind: 'Cơ quan', name: agency.name, href: PATHS.agency, state: agencyEnglish(agency), viUpdatedAt: agency.vi_updated_at, enUpdatedAt: agency.en_updated_at });
  for (const u of units) out.push({ kind: 'Đơn vị', name: u.name, href: `${PATHS.units}/${u.id}`, state: unitEnglish(u), viUpdatedAt: u.vi_updated_at, enUpdatedAt: u.en_updated_at });
  for (const p of people) out.push({ kind: 'Cán bộ', name: `${p.full_name} – ${p.post}`, href: `${PATHS.people}/${p.id}`, state: personEnglish(p), viUpdatedAt: p.vi_updated_at, enUpdatedAt: p.en_updated_at });
  return out.filter((t) => needsWork(t.state)).sort((a, b) => Number(b.state.stale) - Number(a.state.stale));
}

function EnglishPage({ frame, todo }: { frame: AdminFrame; todo: EnglishTodo[] }) {
  return (
    <OrgAdminPage frame={frame} title="Bản tiếng Anh cần cập nhật">
      <p>
        Nghị định 42/2022/NĐ-CP yêu cầu trang giới thiệu cơ quan và thông tin liên hệ có bản tiếng Anh. Một bản tiếng Anh bị coi là cũ khi
        bản tiếng Việt được sửa sau lần cập nhật cuối của bản tiếng Anh. Khi bản tiếng Anh còn đúng, hãy mở bản ghi và đánh dấu "đã được rà soát".
      </p>
      {todo.length ? (
        <table class="data-table">
          <caption>{todo.length} bản ghi cần cập nhật bản tiếng Anh</caption>
          <thead><tr><th scope="col">Loại</th><th scope="col">Bản ghi</th><th scope="col">Tình trạng</th><th scope="col">Tiếng Việt sửa lúc</th><th scope="col">Tiếng Anh sửa lúc</th><th scope="col">Thao tác</th></tr></thead>
          <tbody>
            {todo.map((t) => (
              <tr class={t.state.stale ? 'english-stale' : 'english-missing'}>
                <td>{t.kind}</td>
                <th scope="row">{t.name}</th>
                <td>
                  {t.state.stale && <span class="status status-returned">{STALE_MESSAGE}</span>}
                  {t.state.stale && t.state.missing.length > 0 && <br />}
                  {t.state.missing.length > 0 && `Chưa có bản tiếng Anh: ${t.state.missing.join(', ')}`}
                </td>
                <td>{formatDateTime(t.viUpdatedAt)}</td>
                <td>{t.enUpdatedAt ? formatDateTime(t.enUpdatedAt) : 'Chưa có'}</td>
                <td><a class="button" href={t.href} aria-label={`Sửa: ${t.name}`}>Sửa</a></td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="empty">Mọi bản tiếng Anh đều đầy đủ và mới hơn bản tiếng Việt.</p>
      )}
    </OrgAdminPage>
  );
}

export async function englishRoutes(app: FastifyInstance): Promise<void> {
  app.get(PATHS.english, async (request, reply) => {
    guard(request);
    return sendAdmin(reply, <EnglishPage frame={adminFrame(app, request, reply)} todo={await englishTodo(app.cong.db, request.site.id)} />);
  });
}
