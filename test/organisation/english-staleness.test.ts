import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { englishState, nextStamps, UNIT_TEXTS } from '../../src/features/organisation/english.js';
import { describeEachDb } from '../helpers/db.js';
import { ADMIN, agencyForm, mainOf, personByName, publicGet, setupOrg, unitByName } from './helpers.js';

const STALE = 'Bản tiếng Anh cũ hơn bản tiếng Việt — cần cập nhật';
const LIST = `${ADMIN}/ban-tieng-anh`;

/** The row of the "English out of date" table naming a record, or null. */
function rowOf(html: string, name: string): string | null {
  for (const m of html.matchAll(/<tr class="english-[a-z]+">[\s\S]*?<\/tr>/g)) if (m[0].includes(name)) return m[0];
  return null;
}

const personForm = (p: { full_name: string; post: string; post_en: string; unit_id: number | null; phone: string; email: string; is_leader: number }) => ({
  full_name: p.full_name, post: p.post, post_en: p.post_en, unit_id: p.unit_id === null ? '' : String(p.unit_id), phone: p.phone, email: p.email,
  photo_media_id: '', is_leader: p.is_leader ? '1' : '',
});

describe('the English side of a record', () => {
  test('is stamped only when one of its texts changes; the "reviewed" tick renews it', () => {
    const before = { name: 'A', name_en: 'A-en', duties: '', duties_en: '', vi_updated_at: '2025-01-01', en_updated_at: '2025-01-01' };
    assert.deepEqual(nextStamps(UNIT_TEXTS, before, { name: 'B', name_en: 'A-en', duties: '', duties_en: '' }, '2026'), { vi_updated_at: '2026', en_updated_at: '2025-01-01' });
    assert.deepEqual(nextStamps(UNIT_TEXTS, before, { name: 'A', name_en: 'B-en', duties: '', duties_en: '' }, '2026'), { vi_updated_at: '2025-01-01', en_updated_at: '2026' });
    assert.deepEqual(nextStamps(UNIT_TEXTS, before, { name: 'A', name_en: 'A-en', duties: '', duties_en: '' }, '2026', true), { vi_updated_at: '2025-01-01', en_updated_at: '2026' });
    assert.deepEqual(nextStamps(UNIT_TEXTS, before, { name: 'A', name_en: '', duties: '', duties_en: '' }, '2026'), { vi_updated_at: '2025-01-01', en_updated_at: null });
    assert.deepEqual(nextStamps(UNIT_TEXTS, null, { name: 'A', name_en: '', duties: '', duties_en: '' }, '2026'), { vi_updated_at: '2026', en_updated_at: null });
    assert.deepEqual(englishState(UNIT_TEXTS, { ...before, vi_updated_at: '2026' }), { stale: true, missing: [] });
    assert.deepEqual(englishState(UNIT_TEXTS, { ...before, duties: 'x' }), { stale: false, missing: ['Chức năng, nhiệm vụ'] });
  });
});

describeEachDb('Giới thiệu: English texts older than their Vietnamese source', setupOrg, (get) => {
  test('the demo data has stale and missing English texts, listed on one screen', async () => {
    const html = (await get().editor.get(LIST)).body;
    assert.match(rowOf(html, 'Lê Văn Quang') ?? '', new RegExp(STALE));
    assert.match(rowOf(html, 'Phòng Quản lý đô thị') ?? '', new RegExp(STALE));
    assert.match(rowOf(html, 'Phòng Giáo dục và Đào tạo') ?? '', /Chưa có bản tiếng Anh: Tên đơn vị/);
    assert.equal(rowOf(html, 'Trần Đình Hải'), null, 'up to date');
    assert.doesNotMatch(html, /Đinh Văn Sơn|Trần Quốc Khánh/, 'only this site');
    assert.match((await get().editor.get(ADMIN)).body, /2 bản tiếng Anh cũ hơn bản tiếng Việt\./);
  });

  test('changing the Vietnamese post flags the English one; changing the English post clears it', async () => {
    const { admin, app, db, tick } = get();
    const p = await personByName(db, 1, 'Trần Đình Hải');
    tick();
    assert.equal((await admin.post(`${ADMIN}/can-bo/${p.id}`, { ...personForm(p), post: 'Chủ tịch Ủy ban nhân dân phường' })).statusCode, 303);
    const flagged = await personByName(db, 1, 'Trần Đình Hải');
    assert.ok(flagged.en_updated_at! < flagged.vi_updated_at, 'English older than Vietnamese');
    assert.match(rowOf((await admin.get(LIST)).body, 'Trần Đình Hải') ?? '', new RegExp(STALE));
    const edit = (await admin.get(`${ADMIN}/can-bo/${p.id}`)).body;
    assert.match(edit, new RegExp(`<strong>${STALE}\\.</strong>`));
    assert.match(edit, /Bản tiếng Anh cập nhật lần cuối: Thứ Ba, 01\/07\/2025 08:00/);
    // The public English page still shows the (older) English post: nothing is hidden.
    assert.match(mainOf((await publicGet(app, '/en/leaders')).body), /Chairman of the Ward People's Committee/);

    const t = tick();
    assert.equal((await admin.post(`${ADMIN}/can-bo/${p.id}`, { ...personForm(flagged), post_en: "Chairman of the People's Committee of Nam Hong Linh Ward" })).statusCode, 303);
    const cleared = await personByName(db, 1, 'Trần Đình Hải');
    assert.equal(cleared.en_updated_at, t.toISOString());
    assert.equal(cleared.vi_updated_at, flagged.vi_updated_at, 'the Vietnamese stamp did not move');
    assert.equal(rowOf((await admin.get(LIST)).body, 'Trần Đình Hải'), null);
    assert.match(mainOf((await publicGet(app, '/en/leaders')).body), /Chairman of the People's Committee of Nam Hong Linh Ward/);
  });

  test('a phone number change does not flag the English side; the "reviewed" tick clears a stale one', async () => {
    const { admin, db, tick } = get();
    const p = await personByName(db, 1, 'Nguyễn Thị Thu Hà');
    tick();
    await admin.post(`${ADMIN}/can-bo/${p.id}`, { ...personForm(p), phone: '0239 3836 600' });
    const after = await personByName(db, 1, 'Nguyễn Thị Thu Hà');
    assert.equal(after.phone, '0239 3836 600');
    assert.deepEqual([after.vi_updated_at, after.en_updated_at], [p.vi_updated_at, p.en_updated_at]);

    const stale = await personByName(db, 1, 'Lê Văn Quang');
    assert.ok(stale.en_updated_at! < stale.vi_updated_at);
    const t = tick();
    await admin.post(`${ADMIN}/can-bo/${stale.id}`, { ...personForm(stale), en_reviewed: '1' });
    const reviewed = await personByName(db, 1, 'Lê Văn Quang');
    assert.equal(reviewed.en_updated_at, t.toISOString());
    assert.equal(reviewed.post_en, stale.post_en);
    assert.equal(rowOf((await admin.get(LIST)).body, 'Lê Văn Quang'), null);
  });

  test('the agency: a new Vietnamese duties text flags it, with both sides\' times on the edit screen', async () => {
    const { editor, db, tick } = get();
    const form = await agencyForm(db, 1);
    tick();
    assert.equal((await editor.post(`${ADMIN}/co-quan`, { ...form, duties: `${form.duties}\n\n- Thực hiện chuyển đổi số trong hoạt động của cơ quan.` })).statusCode, 303);
    assert.match(rowOf((await editor.get(LIST)).body, 'Ủy ban nhân dân phường Nam Hồng Lĩnh') ?? '', new RegExp(STALE));
    const screen = (await editor.get(`${ADMIN}/co-quan`)).body;
    assert.match(screen, /Bản tiếng Việt cập nhật lần cuối: Thứ [^,]+, \d\d\/\d\d\/20\d\d \d\d:\d\d/);
    assert.match(screen, /Bản tiếng Anh cập nhật lần cuối: Thứ Ba, 01\/07\/2025 08:00/);
    assert.match(screen, /<fieldset><legend>Tiếng Anh \(English\)<\/legend>/);
    assert.match(screen, /<textarea id="f-duties_en" name="duties_en" lang="en"/, 'English inputs are marked as English');
    tick();
    await editor.post(`${ADMIN}/co-quan`, { ...form, duties: `${form.duties}\n\n- Thực hiện chuyển đổi số trong hoạt động của cơ quan.`, duties_en: `${form.duties_en}\n\n- to lead the digital transformation of its work.` });
    assert.equal(rowOf((await editor.get(LIST)).body, 'Ủy ban nhân dân phường Nam Hồng Lĩnh'), null);
  });

  test('a unit saved with both sides changed is up to date; clearing its English makes it "missing" and the public page falls back', async () => {
    const { admin, app, db, tick } = get();
    const u = await unitByName(db, 1, 'Phòng Tư pháp');
    const base = { name: u.name, name_en: u.name_en, parent_id: '', duties: u.duties, duties_en: u.duties_en, phone: u.phone, email: u.email };
    tick();
    await admin.post(`${ADMIN}/don-vi/${u.id}`, { ...base, name: 'Phòng Tư pháp thị xã', name_en: 'Town Department of Justice' });
    const both = await unitByName(db, 1, 'Phòng Tư pháp thị xã');
    assert.equal(both.vi_updated_at, both.en_updated_at);
    assert.equal(rowOf((await admin.get(LIST)).body, 'Phòng Tư pháp thị xã'), null);

    tick();
    await admin.post(`${ADMIN}/don-vi/${u.id}`, { ...base, name: 'Phòng Tư pháp thị xã', name_en: '' });
    assert.equal((await unitByName(db, 1, 'Phòng Tư pháp thị xã')).en_updated_at, null);
    assert.match(rowOf((await admin.get(LIST)).body, 'Phòng Tư pháp thị xã') ?? '', /Chưa có bản tiếng Anh: Tên đơn vị/);
    assert.match(mainOf((await publicGet(app, '/en/organisation')).body), /<span lang="vi">Phòng Tư pháp thị xã<\/span> <span class="vi-only">\(Vietnamese only\)<\/span>/);
  });
});
