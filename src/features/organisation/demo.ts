import type { DemoSeeder } from '../../kernel/feature.js';

/**
 * Demo content of Giới thiệu: the agency, its units and its people, in Vietnamese and English.
 * DEMO DATA: every person named here is invented (except the office chief and vice-chair already
 * named in the sites' demo footers), as are the phone numbers and e-mail addresses. A few English
 * texts are deliberately older than their Vietnamese source, and one unit has no English name,
 * so that the back office's "English out of date" list and the public fallback have something
 * to show.
 */

/** Translated and checked when the demo sites were set up. */
const TRANSLATED = '2025-07-01T01:00:00.000Z';
/** A later change of the Vietnamese text that the English side has not caught up with. */
const CHANGED = '2025-10-20T02:00:00.000Z';

interface DemoUnit {
  key: string;
  parent?: string;
  name: string;
  nameEn: string;
  duties?: string;
  dutiesEn?: string;
  phone?: string;
  email?: string;
  /** The Vietnamese text changed after the English one was written. */
  stale?: boolean;
}

interface DemoPerson {
  name: string;
  post: string;
  postEn: string;
  unit?: string;
  phone?: string;
  email?: string;
  leader?: boolean;
  stale?: boolean;
}

interface DemoOrganisation {
  agency: {
    name: string; nameEn: string; address: string; addressEn: string; phone: string; fax: string; email: string; website: string;
    hours: string; hoursEn: string; duties: string; dutiesEn: string;
  };
  units: DemoUnit[];
  people: DemoPerson[];
}

const HOURS = 'Từ thứ Hai đến thứ Sáu:\n- Buổi sáng: từ 7 giờ 00 đến 11 giờ 30\n- Buổi chiều: từ 13 giờ 30 đến 17 giờ 00\nBộ phận Một cửa tiếp nhận hồ sơ hộ tịch, chứng thực vào sáng thứ Bảy.';
const HOURS_EN = 'Monday to Friday:\n- Morning: 7:00 to 11:30\n- Afternoon: 13:30 to 17:00\nThe one-stop desk also accepts civil status and certification files on Saturday mornings.';

const NAM_HONG_LINH: DemoOrganisation = {
  agency: {
    name: 'Ủy ban nhân dân phường Nam Hồng Lĩnh',
    nameEn: "People's Committee of Nam Hong Linh Ward",
    address: 'Số 01 đường Nguyễn Ái Quốc, phường Nam Hồng Lĩnh, tỉnh Hà Tĩnh',
    addressEn: 'No. 01 Nguyen Ai Quoc Street, Nam Hong Linh Ward, Ha Tinh Province, Viet Nam',
    phone: '0239 3836 248',
    fax: '0239 3836 249',
    email: 'ubnd@namhonglinh.hatinh.gov.vn',
    website: 'https://namhonglinh.hatinh.gov.vn',
    hours: HOURS,
    hoursEn: HOURS_EN,
    duties: [
      'Ủy ban nhân dân phường Nam Hồng Lĩnh do Hội đồng nhân dân phường bầu, là cơ quan chấp hành của Hội đồng nhân dân, cơ quan hành chính nhà nước ở địa phương, chịu trách nhiệm trước Hội đồng nhân dân phường và Ủy ban nhân dân tỉnh Hà Tĩnh.',
      'Theo Luật Tổ chức chính quyền địa phương, Ủy ban nhân dân phường có các nhiệm vụ, quyền hạn chủ yếu sau:\n- Xây dựng, trình Hội đồng nhân dân phường quyết định các nội dung thuộc thẩm quyền và tổ chức thực hiện các nghị quyết của Hội đồng nhân dân phường;\n- Quy định tổ chức bộ máy, nhiệm vụ, quyền hạn cụ thể của các cơ quan chuyên môn thuộc Ủy ban nhân dân phường;\n- Tổ chức thực hiện ngân sách địa phương; quản lý nhà nước về kinh tế, đô thị, đất đai, văn hóa, giáo dục, y tế, quốc phòng, an ninh trên địa bàn;\n- Thực hiện nhiệm vụ, quyền hạn do cơ quan nhà nước cấp trên phân cấp, ủy quyền.',
    ].join('\n\n'),
    dutiesEn: [
      "The People's Committee of Nam Hong Linh Ward is elected by the ward People's Council. It is the executive body of the Council and the local state administrative body, accountable to the ward People's Council and to the People's Committee of Ha Tinh Province.",
      "Under the Law on the Organisation of Local Government, its main duties and powers are:\n- to prepare the matters the ward People's Council decides on and to implement the Council's resolutions;\n- to lay down the organisation, duties and powers of the specialised departments under the Committee;\n- to implement the local budget and to manage the economy, urban affairs, land, culture, education, health, defence and security of the ward;\n- to exercise the duties and powers delegated or authorised by higher state bodies.",
    ].join('\n\n'),
  },
  units: [
    { key: 'vp', name: 'Văn phòng HĐND và UBND phường', nameEn: "Office of the Ward People's Council and People's Committee", duties: 'Tham mưu tổng hợp, phục vụ hoạt động của Hội đồng nhân dân và Ủy ban nhân dân phường; quản lý Bộ phận Một cửa.', dutiesEn: "Advises and assists the ward People's Council and People's Committee; runs the one-stop service desk.", phone: '0239 3836 248', email: 'vanphong@namhonglinh.hatinh.gov.vn' },
    { key: 'motcua', parent: 'vp', name: 'Bộ phận Một cửa (tiếp nhận và trả kết quả)', nameEn: 'One-stop Service Desk', duties: 'Tiếp nhận hồ sơ thủ tục hành chính và trả kết quả cho tổ chức, công dân.', dutiesEn: 'Receives administrative procedure files and returns their results to citizens and organisations.', phone: '0239 3836 666', email: 'motcua@namhonglinh.hatinh.gov.vn' },
    { key: 'nv', name: 'Phòng Nội vụ', nameEn: 'Department of Home Affairs', phone: '0239 3836 302', email: 'phongnoivu@namhonglinh.hatinh.gov.vn' },
    { key: 'tckh', name: 'Phòng Tài chính – Kế hoạch', nameEn: 'Department of Finance and Planning', phone: '0239 3836 315', email: 'phongtckh@namhonglinh.hatinh.gov.vn' },
    { key: 'tp', name: 'Phòng Tư pháp', nameEn: 'Department of Justice', phone: '0239 3836 327' },
    { key: 'qldt', name: 'Phòng Quản lý đô thị', nameEn: 'Department of Urban Management', duties: 'Tham mưu quản lý nhà nước về quy hoạch, xây dựng, giao thông, hạ tầng kỹ thuật đô thị và phát triển đô thị thông minh.', dutiesEn: 'Advises on planning, construction, transport and urban infrastructure.', phone: '0239 3836 339', stale: true },
    { key: 'vhtt', name: 'Phòng Văn hóa và Thông tin', nameEn: 'Department of Culture and Information', phone: '0239 3836 351' },
    { key: 'gd', name: 'Phòng Giáo dục và Đào tạo', nameEn: '', phone: '0239 3836 364' },
    { key: 'ca', name: 'Công an phường', nameEn: 'Ward Police', phone: '0239 3836 113' },
    { key: 'qs', name: 'Ban Chỉ huy quân sự phường', nameEn: 'Ward Military Command', phone: '0239 3836 388' },
  ],
  people: [
    { name: 'Trần Đình Hải', post: 'Chủ tịch UBND phường', postEn: "Chairman of the Ward People's Committee", phone: '0239 3836 555', email: 'tdhai.namhonglinh@hatinh.gov.vn', leader: true },
    { name: 'Lê Văn Quang', post: 'Phó Chủ tịch Thường trực UBND phường', postEn: "Vice Chairman of the Ward People's Committee", phone: '0239 3836 556', email: 'lvquang.namhonglinh@hatinh.gov.vn', leader: true, stale: true },
    { name: 'Nguyễn Thị Thu Hà', post: 'Phó Chủ tịch UBND phường', postEn: "Vice Chairwoman of the Ward People's Committee", phone: '0239 3836 557', email: 'ntthuha.namhonglinh@hatinh.gov.vn', leader: true },
    { name: 'Bùi Xuân Thắng', post: 'Chánh Văn phòng HĐND và UBND phường', postEn: 'Chief of Office', unit: 'vp', phone: '0239 3836 248', email: 'bxthang.namhonglinh@hatinh.gov.vn', leader: true },
    { name: 'Phan Thị Lan Anh', post: 'Phó Chánh Văn phòng', postEn: 'Deputy Chief of Office', unit: 'vp', phone: '0239 3836 250' },
    { name: 'Đoàn Thị Mỹ Linh', post: 'Phụ trách Bộ phận Một cửa', postEn: 'Head of the One-stop Service Desk', unit: 'motcua', phone: '0239 3836 666' },
    { name: 'Võ Minh Tuấn', post: 'Trưởng phòng Nội vụ', postEn: 'Head of the Department of Home Affairs', unit: 'nv', email: 'vmtuan.namhonglinh@hatinh.gov.vn' },
    { name: 'Đặng Thị Hồng Nhung', post: 'Trưởng phòng Tài chính – Kế hoạch', postEn: 'Head of the Department of Finance and Planning', unit: 'tckh' },
    { name: 'Hoàng Văn Lợi', post: 'Trưởng phòng Tư pháp', postEn: 'Head of the Department of Justice', unit: 'tp' },
    { name: 'Nguyễn Văn Bình', post: 'Trưởng Công an phường', postEn: 'Chief of the Ward Police', unit: 'ca' },
    { name: 'Phạm Quốc Việt', post: 'Chỉ huy trưởng Ban Chỉ huy quân sự phường', postEn: 'Commander of the Ward Military Command', unit: 'qs' },
  ],
};

const BAC_HONG_LINH: DemoOrganisation = {
  agency: {
    name: 'Ủy ban nhân dân phường Bắc Hồng Lĩnh',
    nameEn: "People's Committee of Bac Hong Linh Ward",
    address: 'Số 102 đường Nguyễn Ái Quốc, phường Bắc Hồng Lĩnh, tỉnh Hà Tĩnh',
    addressEn: 'No. 102 Nguyen Ai Quoc Street, Bac Hong Linh Ward, Ha Tinh Province, Viet Nam',
    phone: '0239 3831 115',
    fax: '0239 3831 116',
    email: 'ubnd@bachonglinh.hatinh.gov.vn',
    website: 'https://bachonglinh.hatinh.gov.vn',
    hours: HOURS.replace('Bộ phận Một cửa', 'Trung tâm Phục vụ hành chính công phường'),
    hoursEn: HOURS_EN.replace('The one-stop desk', "The ward's Public Administrative Service Centre"),
    duties: [
      'Phường Bắc Hồng Lĩnh được thành lập từ ngày 1/7/2025 khi thực hiện mô hình chính quyền địa phương hai cấp. Ủy ban nhân dân phường do Hội đồng nhân dân phường bầu, là cơ quan chấp hành của Hội đồng nhân dân phường, cơ quan hành chính nhà nước ở địa phương.',
      'Ủy ban nhân dân phường có nhiệm vụ, quyền hạn:\n- Tổ chức thực hiện Hiến pháp, pháp luật và các nghị quyết của Hội đồng nhân dân phường;\n- Quản lý nhà nước về kinh tế, đất đai, xây dựng, trật tự đô thị, văn hóa, xã hội, giáo dục, y tế trên địa bàn;\n- Giải quyết thủ tục hành chính cho người dân, doanh nghiệp tại Trung tâm Phục vụ hành chính công phường;\n- Bảo đảm quốc phòng, an ninh, trật tự, an toàn xã hội.',
    ].join('\n\n'),
    dutiesEn: [
      "Bac Hong Linh Ward was established on 1 July 2025, when the two-level local government came into force. The ward People's Committee is elected by the ward People's Council; it is the Council's executive body and the local state administrative body.",
      "Its duties and powers are:\n- to implement the Constitution, the law and the resolutions of the ward People's Council;\n- to manage the economy, land, construction, urban order, culture, social affairs, education and health in the ward;\n- to handle administrative procedures for citizens and businesses at the ward's Public Administrative Service Centre;\n- to ensure defence, security and public order.",
    ].join('\n\n'),
  },
  units: [
    { key: 'vp', name: 'Văn phòng HĐND và UBND phường', nameEn: "Office of the Ward People's Council and People's Committee", phone: '0239 3831 115', email: 'vanphong@bachonglinh.hatinh.gov.vn' },
    { key: 'kt', name: 'Phòng Kinh tế, Hạ tầng và Đô thị', nameEn: 'Division of Economy, Infrastructure and Urban Affairs', phone: '0239 3831 120', email: 'phongkinhte@bachonglinh.hatinh.gov.vn' },
    { key: 'vhxh', name: 'Phòng Văn hóa – Xã hội', nameEn: 'Division of Culture and Social Affairs', phone: '0239 3831 121' },
    { key: 'hcc', name: 'Trung tâm Phục vụ hành chính công phường', nameEn: 'Public Administrative Service Centre', duties: 'Hướng dẫn, tiếp nhận, giải quyết và trả kết quả thủ tục hành chính; hỗ trợ người dân nộp hồ sơ trực tuyến.', dutiesEn: 'Guides citizens, receives and processes administrative procedure files and returns the results.', phone: '0239 3831 118', email: 'motcua@bachonglinh.hatinh.gov.vn', stale: true },
    { key: 'motcua', parent: 'hcc', name: 'Bộ phận tiếp nhận và trả kết quả', nameEn: 'Reception and Results Desk', phone: '0239 3831 119' },
    { key: 'ca', name: 'Công an phường', nameEn: 'Ward Police', phone: '0239 3831 113' },
    { key: 'qs', name: 'Ban Chỉ huy quân sự phường', nameEn: 'Ward Military Command', phone: '0239 3831 125' },
  ],
  people: [
    { name: 'Đinh Văn Sơn', post: 'Chủ tịch UBND phường', postEn: "Chairman of the Ward People's Committee", phone: '0239 3831 555', email: 'dvson.bachonglinh@hatinh.gov.vn', leader: true },
    { name: 'Lê Thị Minh Nguyệt', post: 'Phó Chủ tịch UBND phường', postEn: "Vice Chairwoman of the Ward People's Committee", phone: '0239 3831 556', email: 'ltmnguyet.bachonglinh@hatinh.gov.vn', leader: true },
    { name: 'Trần Quốc Khánh', post: 'Phó Chủ tịch UBND phường phụ trách kinh tế, đô thị', postEn: "Vice Chairman of the Ward People's Committee", phone: '0239 3831 557', email: 'tqkhanh.bachonglinh@hatinh.gov.vn', leader: true, stale: true },
    { name: 'Nguyễn Thị Hoài Thu', post: 'Chánh Văn phòng HĐND và UBND phường', postEn: 'Chief of Office', unit: 'vp', phone: '0239 3831 115', email: 'nththu.bachonglinh@hatinh.gov.vn' },
    { name: 'Phạm Văn Hùng', post: 'Trưởng phòng Kinh tế, Hạ tầng và Đô thị', postEn: 'Head of the Division of Economy, Infrastructure and Urban Affairs', unit: 'kt' },
    { name: 'Hồ Thị Mai', post: 'Trưởng phòng Văn hóa – Xã hội', postEn: 'Head of the Division of Culture and Social Affairs', unit: 'vhxh' },
    { name: 'Lê Đức Thịnh', post: 'Giám đốc Trung tâm Phục vụ hành chính công', postEn: 'Director of the Public Administrative Service Centre', unit: 'hcc', phone: '0239 3831 118' },
    { name: 'Võ Văn Dũng', post: 'Trưởng Công an phường', postEn: 'Chief of the Ward Police', unit: 'ca' },
    { name: 'Nguyễn Hữu Tài', post: 'Chỉ huy trưởng Ban Chỉ huy quân sự phường', postEn: 'Commander of the Ward Military Command', unit: 'qs' },
  ],
};

const BY_SITE: Record<string, DemoOrganisation> = { namhonglinh: NAM_HONG_LINH, bachonglinh: BAC_HONG_LINH };

/** Demo content of Giới thiệu (organisation, leaders, contacts) and the English section, inside the site's seeding transaction. */
export const seedOrganisation: DemoSeeder = async (db, { siteId, demo: site }) => {
  const org = BY_SITE[site.code];
  if (!org) return;
  const a = org.agency;
  await db
    .insertInto('org_agency')
    .values({
      site_id: siteId, name: a.name, name_en: a.nameEn, address: a.address, address_en: a.addressEn, phone: a.phone, fax: a.fax, email: a.email,
      website: a.website, hours: a.hours, hours_en: a.hoursEn, duties: a.duties, duties_en: a.dutiesEn,
      vi_updated_at: TRANSLATED, en_updated_at: TRANSLATED, updated_at: TRANSLATED,
    })
    .execute();
  const ids = new Map<string, number>();
  const positions = new Map<string, number>();
  for (const u of org.units) {
    const parent = u.parent ? ids.get(u.parent)! : null;
    const position = positions.get(u.parent ?? '') ?? 0;
    positions.set(u.parent ?? '', position + 1);
    const { id } = await db
      .insertInto('org_units')
      .values({
        site_id: siteId, parent_id: parent, position, name: u.name, name_en: u.nameEn, duties: u.duties ?? '', duties_en: u.dutiesEn ?? '',
        phone: u.phone ?? '', email: u.email ?? '', ...stamps(u.stale, !!u.nameEn),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.set(u.key, id);
  }
  for (const [position, p] of org.people.entries()) {
    await db
      .insertInto('org_people')
      .values({
        site_id: siteId, unit_id: p.unit ? ids.get(p.unit)! : null, position, full_name: p.name, post: p.post, post_en: p.postEn,
        phone: p.phone ?? '', email: p.email ?? '', photo_media_id: null, is_leader: p.leader ? 1 : 0, ...stamps(p.stale, !!p.postEn),
      })
      .execute();
  }
};

function stamps(stale: boolean | undefined, hasEnglish: boolean) {
  const vi = stale ? CHANGED : TRANSLATED;
  return { vi_updated_at: vi, en_updated_at: hasEnglish ? TRANSLATED : null, created_at: TRANSLATED, updated_at: vi };
}
