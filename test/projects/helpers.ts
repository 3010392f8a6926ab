import type { TestDb } from '../helpers/db.js';
import type { AdminClient } from '../helpers/admin.js';
import { multipart, type FilePart } from '../media/fixtures.js';

export { setupBudget as setupProjects, publicGet, lastAudit, fieldError, decode } from '../budget/helpers.js';

export async function projectByName(db: TestDb, siteId: number, name: string) {
  return db.db.selectFrom('projects').selectAll().where('site_id', '=', siteId).where('name', '=', name).executeTakeFirstOrThrow();
}

/** A complete, valid project form; override what a test is about. */
export function validProject(over: Record<string, string> = {}): Record<string, string> {
  return {
    name: 'Cải tạo chợ Nam Hồng', investor: 'UBND phường Nam Hồng Lĩnh', capital: '3,2 tỷ', capital_source: 'Ngân sách phường', location: 'Tổ dân phố 4',
    start_on: '2027-02-01', finish_on: '2027-08-31', progress: '0', status: 'chuan-bi', summary: 'Cải tạo 120 ki-ốt.', published: '1', ...over,
  };
}

export function validNotice(over: Record<string, string> = {}): Record<string, string> {
  return { kind: 'moi-thau', title: 'Thông báo mời thầu gói thầu xây lắp', issued_on: '2026-12-05', deadline_on: '2026-12-20', body: 'Giá gói thầu: 2.900.000.000 đồng.', ...over };
}

export function upload(client: AdminClient, url: string, file: FilePart | undefined) {
  const body = multipart([['_csrf', client.csrf]], file);
  return client.app.inject({ method: 'POST', url, headers: { host: client.host, cookie: client.cookie, 'content-type': body.contentType }, payload: body.payload });
}
