import { searchFold } from '../../kernel/lib/text.js';
import { documentSlug } from '../documents/commands/context.js';
import { searchFoldOf } from '../documents/input.js';
import { normaliseNumber, numberCode, numberFold } from '../documents/number.js';
import { documentUrls } from '../documents/urls.js';
import { ImportError } from './import-error.js';
import type { PreparedFiles } from './prepare-files.js';
import { count, recordOldUrls, skip, type WriteContext } from './write-context.js';

/**
 * Documents of the library, published and in force, with their attached files. The type is
 * found by name (folded) among the site's types, or added. A document of an earlier run is
 * updated; a new one whose number the library already has is skipped (the library allows a
 * number once). Returns the store keys of files whose document was skipped, to remove.
 */
export async function writeDocuments(cx: WriteContext, prepared: PreparedFiles): Promise<string[]> {
  const { tx, site } = cx;
  const stamp = cx.now.toISOString();
  const types = await tx.selectFrom('document_types').select(['id', 'name', 'position']).where('site_id', '=', site.id).execute();
  let nextType = types.reduce((p, t) => Math.max(p, t.position), -1) + 1;
  const unused: string[] = [];

  for (const d of cx.plan.documents.values()) {
    const number = normaliseNumber(d.number);
    if (!number) throw ImportError.at(d.line, 'document', d.id, `số, ký hiệu (number) “${d.number}” không hợp lệ: gồm chữ số và chữ cái nối bằng dấu "-" hoặc "/", ví dụ 123/QĐ-UBND.`);
    let type = types.find((t) => searchFold(t.name) === searchFold(d.kind));
    if (!type) {
      const values = { site_id: site.id, name: d.kind, position: nextType++, created_at: stamp };
      type = { ...values, id: (await tx.insertInto('document_types').values(values).returning('id').executeTakeFirstOrThrow()).id };
      types.push(type);
    }
    const values = {
      number, number_fold: numberFold(number), number_code: numberCode(number), type_id: type.id, issuer: d.issuer, signer: d.signer,
      issued_on: d.issuedOn, title: d.title, slug: documentSlug(type.name, number, d.title),
      search_fold: searchFoldOf({ number, title: d.title, issuer: d.issuer, signer: d.signer, field: '' }, type.name), updated_at: stamp,
    };
    const earlier = cx.items.get('document', d.id);
    const same = await tx.selectFrom('documents').select('id').where('site_id', '=', site.id).where('number_code', '=', values.number_code).executeTakeFirst();
    let id: number;
    if (earlier !== undefined && (await tx.selectFrom('documents').select('id').where('site_id', '=', site.id).where('id', '=', earlier).executeTakeFirst())) {
      if (same && same.id !== earlier) throw ImportError.at(d.line, 'document', d.id, `số, ký hiệu ${number} đã có trong thư viện văn bản của trang (văn bản khác).`);
      id = earlier;
      await tx.updateTable('documents').set(values).where('site_id', '=', site.id).where('id', '=', id).execute();
      count(cx, 'document', true);
    } else if (same) {
      skip(cx, 'document', d.id, `số, ký hiệu ${number} đã có trong thư viện văn bản của trang`);
      unused.push(...prepared.documentFiles.filter((f) => f.documentId === d.id).map((f) => f.row.disk_path));
      cx.tick();
      continue;
    } else {
      id = (await tx
        .insertInto('documents')
        .values({ ...values, site_id: site.id, effective_on: null, field: '', status: 'con-hieu-luc', consultation_until: null, published: 1, created_at: stamp, created_by: null, updated_by: null })
        .returning('id')
        .executeTakeFirstOrThrow()).id;
      count(cx, 'document', false);
    }
    cx.items.set('document', d.id, id);
    const added = new Set<string>();
    for (const f of prepared.documentFiles.filter((x) => x.documentId === d.id)) {
      added.add(f.rec.id);
      const { id: fileId } = await tx.insertInto('document_files').values({ ...f.row, site_id: site.id, document_id: id, created_at: stamp }).returning('id').executeTakeFirstOrThrow();
      cx.items.set('document_file', `${d.id}/${f.rec.id}`, fileId);
      count(cx, 'file', false);
    }
    // Old addresses of the attached files lead to their downloads (an earlier run's rows too).
    for (const fileRecId of d.files) {
      const fileId = cx.items.get('document_file', `${d.id}/${fileRecId}`);
      const rec = cx.plan.files.get(fileRecId)!;
      if (fileId === undefined) continue;
      if (!added.has(fileRecId)) count(cx, 'file', true);
      cx.files.add(rec.oldUrls, documentUrls.file({ id: fileId }));
      recordOldUrls(cx, rec.oldUrls, documentUrls.file({ id: fileId }));
    }
    recordOldUrls(cx, d.oldUrls, documentUrls.document({ id, slug: values.slug }));
    cx.tick();
  }
  return unused;
}
