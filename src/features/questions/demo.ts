import { contentHash } from '../comments/input.js';
import { fromLocalTime } from '../../kernel/lib/format.js';
import { nfc, slugify } from '../../kernel/lib/text.js';
import { searchTextOf } from './repo.js';
import type { QuestionKind, QuestionStatus } from '../../kernel/db/tables/questions.js';
import { newTrackingCode, trackingHash } from './tracking.js';
import type { DemoSeeder } from '../../kernel/feature.js';

/**
 * Demo content of Hỏi đáp (citizens' questions and answers), inside the site's seeding
 * transaction: the topic list, published questions with answers and a few still in the queue.
 * The askers and their contacts are invented; their tracking codes are random and not kept.
 */
const TOPICS = ['Đất đai – Xây dựng', 'Hộ tịch – Chứng thực', 'Chính sách xã hội', 'Môi trường', 'Khác'];

interface DemoQuestion {
  topic: number; // index in TOPICS
  kind?: QuestionKind;
  title: string;
  body: string;
  name: string;
  phone?: string;
  email?: string;
  address?: string;
  /** Local times "YYYY-MM-DDTHH:mm". */
  asked: string;
  answered?: string;
  answer?: string;
  status?: QuestionStatus;
}

const NAM_HONG_LINH: DemoQuestion[] = [
  {
    topic: 0,
    title: 'Hồ sơ cấp Giấy chứng nhận quyền sử dụng đất lần đầu gồm những gì?',
    body: 'Gia đình tôi sử dụng thửa đất ở từ năm 1995, chưa được cấp Giấy chứng nhận quyền sử dụng đất. Xin hỏi hồ sơ đề nghị cấp giấy lần đầu gồm những giấy tờ gì, nộp ở đâu và mất bao lâu?',
    name: 'Nguyễn Văn Hùng', phone: '0912345678', address: 'Tổ dân phố 3, phường Bắc Hồng',
    asked: '2026-09-08T08:15', answered: '2026-09-15T15:30',
    answer: 'Theo Luật Đất đai năm 2024 và các nghị định hướng dẫn, hồ sơ đề nghị cấp Giấy chứng nhận lần đầu gồm: đơn đăng ký đất đai, tài sản gắn liền với đất theo mẫu; giấy tờ về quyền sử dụng đất (nếu có); sơ đồ hoặc mảnh trích đo thửa đất (nếu có); giấy tờ về nghĩa vụ tài chính (nếu có).\n\nĐất sử dụng ổn định từ trước ngày 01/7/2004, không có tranh chấp, phù hợp quy hoạch thì được xem xét cấp giấy khi không có giấy tờ về quyền sử dụng đất, sau khi Ủy ban nhân dân phường xác nhận.\n\nÔng nộp hồ sơ tại Bộ phận Một cửa của thị xã hoặc nộp trực tuyến trên Cổng Dịch vụ công quốc gia. Thời gian giải quyết theo bộ thủ tục hành chính do Ủy ban nhân dân tỉnh công bố, không tính thời gian niêm yết công khai và thực hiện nghĩa vụ tài chính.',
  },
  {
    topic: 1,
    title: 'Đăng ký khai sinh cho con khi bố mẹ chưa đăng ký kết hôn',
    body: 'Vợ chồng tôi chung sống nhưng chưa đăng ký kết hôn, nay sinh cháu đầu lòng. Xin hỏi có làm khai sinh cho cháu được không và có ghi tên bố vào giấy khai sinh được không?',
    name: 'Trần Thị Mai', email: 'tranmai.hl@gmail.com',
    asked: '2026-09-20T10:02', answered: '2026-09-23T09:10',
    answer: 'Theo Luật Hộ tịch năm 2014 và Nghị định hướng dẫn thi hành, trẻ em sinh ra được đăng ký khai sinh không phụ thuộc vào việc cha mẹ đã đăng ký kết hôn hay chưa.\n\nTrường hợp cha mẹ chưa đăng ký kết hôn, nếu người cha có yêu cầu nhận con thì Ủy ban nhân dân phường kết hợp giải quyết thủ tục đăng ký khai sinh và nhận cha, con; khi đó phần khai về người cha được ghi vào Giấy khai sinh.\n\nHồ sơ gồm tờ khai đăng ký khai sinh, giấy chứng sinh, tờ khai đăng ký nhận cha, con và chứng cứ chứng minh quan hệ cha con. Bà có thể nộp trực tiếp tại Bộ phận Một cửa phường hoặc qua dịch vụ công trực tuyến liên thông khai sinh – thường trú – thẻ bảo hiểm y tế.',
  },
  {
    topic: 2,
    title: 'Điều kiện hưởng trợ cấp xã hội hằng tháng đối với người cao tuổi',
    body: 'Mẹ tôi năm nay 81 tuổi, không có lương hưu và không hưởng trợ cấp bảo hiểm xã hội. Xin hỏi mẹ tôi có được hưởng trợ cấp hằng tháng không, thủ tục thế nào?',
    name: 'Lê Văn Thành', phone: '0987 654 321', address: 'Tổ dân phố 7, phường Nam Hồng',
    asked: '2026-10-02T14:40', answered: '2026-10-09T16:05',
    answer: 'Theo quy định hiện hành về chính sách trợ giúp xã hội đối với đối tượng bảo trợ xã hội, người cao tuổi thuộc diện quy định, không có lương hưu, không hưởng trợ cấp bảo hiểm xã hội hằng tháng được xem xét hưởng trợ cấp xã hội hằng tháng.\n\nÔng (hoặc người thân) lập tờ khai theo mẫu, kèm bản sao giấy tờ tùy thân của mẹ, nộp tại Bộ phận Một cửa phường. Ủy ban nhân dân phường xem xét, niêm yết công khai và trình Chủ tịch Ủy ban nhân dân cấp có thẩm quyền quyết định. Người hưởng trợ cấp xã hội hằng tháng còn được cấp thẻ bảo hiểm y tế.',
  },
  {
    topic: 0,
    title: 'Sửa chữa nhà ở có phải xin giấy phép xây dựng không?',
    body: 'Tôi muốn lát lại nền, thay mái tôn và sơn lại nhà cấp 4 đang ở, không nâng tầng, không thay đổi kết cấu. Xin hỏi có phải xin giấy phép xây dựng không?',
    name: 'Phan Đình Quý', phone: '0904112233',
    asked: '2026-10-10T07:55', answered: '2026-10-14T10:20',
    answer: 'Theo Luật Xây dựng, công trình sửa chữa, cải tạo bên trong hoặc bên ngoài công trình không làm thay đổi kết cấu chịu lực, không làm thay đổi công năng sử dụng, không ảnh hưởng tới môi trường, an toàn công trình và kiến trúc mặt ngoài tiếp giáp đường phố (đối với khu vực có yêu cầu quản lý kiến trúc) thì được miễn giấy phép xây dựng.\n\nViệc lát nền, thay mái tôn cùng loại và sơn lại nhà như ông nêu thuộc trường hợp được miễn giấy phép. Khi thi công, ông cần bảo đảm an toàn, vệ sinh môi trường và không lấn chiếm vỉa hè, lòng đường để tập kết vật liệu.',
  },
  {
    topic: 3,
    kind: 'feedback',
    title: 'Phản ánh rác thải tập kết bên đường Nguyễn Ái Quốc',
    body: 'Nhiều ngày nay, rác sinh hoạt được đổ thành đống ở đoạn đầu đường Nguyễn Ái Quốc gần cầu, bốc mùi hôi, ảnh hưởng đến người đi đường và các hộ kinh doanh. Đề nghị chính quyền có biện pháp xử lý.',
    name: 'Võ Thị Hằng', phone: '0915 222 444', address: 'Số 15, ngõ 4 đường Nguyễn Ái Quốc, phường Bắc Hồng',
    asked: '2026-10-18T18:20', answered: '2026-10-21T11:00',
    answer: 'Tiếp nhận phản ánh, Ủy ban nhân dân thị xã đã chỉ đạo đơn vị thu gom rác thải sinh hoạt dọn sạch điểm tập kết ngay trong ngày 19/10 và tăng tần suất thu gom tại tuyến đường này lên hai lần mỗi ngày.\n\nỦy ban nhân dân phường đã giao tổ dân phố tuyên truyền các hộ để rác đúng giờ, đúng nơi quy định; trường hợp cố ý vứt, đổ rác không đúng nơi quy định sẽ bị xử phạt theo quy định về xử phạt vi phạm hành chính trong lĩnh vực bảo vệ môi trường. Cảm ơn bà đã phản ánh.',
  },
  {
    topic: 1,
    title: 'Chứng thực bản sao từ bản chính có mất phí không?',
    body: 'Tôi cần chứng thực bản sao căn cước và bằng tốt nghiệp để nộp hồ sơ xin việc. Xin hỏi làm ở đâu, có cần mang bản chính không và lệ phí bao nhiêu?',
    name: 'Hoàng Minh Tuấn', email: 'hmtuan2003@gmail.com',
    asked: '2026-10-27T09:30', answered: '2026-10-28T14:15',
    answer: 'Theo Nghị định của Chính phủ về cấp bản sao từ sổ gốc, chứng thực bản sao từ bản chính, anh mang bản chính và bản sao cần chứng thực (hoặc nhờ Bộ phận Một cửa chụp) đến Ủy ban nhân dân phường nơi thuận tiện. Việc chứng thực được giải quyết ngay trong ngày làm việc.\n\nLệ phí chứng thực bản sao từ bản chính theo Thông tư của Bộ Tài chính là 2.000 đồng/trang; từ trang thứ ba trở lên thu 1.000 đồng/trang, tối đa 200.000 đồng/bản. Không chứng thực bản sao từ bản chính giấy tờ đã bị tẩy xóa, sửa chữa hoặc hết hạn sử dụng.',
  },
  {
    topic: 2,
    title: 'Hỗ trợ mua thẻ bảo hiểm y tế cho hộ cận nghèo',
    body: 'Gia đình tôi được công nhận hộ cận nghèo năm 2026. Xin hỏi các thành viên trong hộ có được hỗ trợ tiền mua thẻ bảo hiểm y tế không, mức hỗ trợ bao nhiêu?',
    name: 'Đặng Thị Lý', phone: '0394 567 890',
    asked: '2026-11-03T15:10', answered: '2026-11-10T08:45',
    answer: 'Theo pháp luật về bảo hiểm y tế, người thuộc hộ gia đình cận nghèo được ngân sách nhà nước hỗ trợ tối thiểu 70% mức đóng bảo hiểm y tế; Hội đồng nhân dân tỉnh có thể quyết định mức hỗ trợ cao hơn từ ngân sách địa phương.\n\nDanh sách người thuộc hộ cận nghèo do Ủy ban nhân dân phường lập và chuyển cơ quan bảo hiểm xã hội để cấp thẻ. Bà liên hệ công chức Văn hóa – Xã hội của phường để được hướng dẫn nộp phần còn lại (nếu có) và nhận thẻ.',
  },
  {
    topic: 0,
    title: 'Diện tích tối thiểu được tách thửa đất ở',
    body: 'Tôi có thửa đất ở 180 m² muốn tách cho hai con. Xin hỏi diện tích tối thiểu sau khi tách thửa là bao nhiêu và thủ tục thế nào?',
    name: 'Nguyễn Thị Hương', phone: '0977 888 123', address: 'Tổ dân phố 5, phường Đức Thuận',
    asked: '2026-11-12T10:00', answered: '2026-11-19T16:30',
    answer: 'Theo Luật Đất đai năm 2024, Ủy ban nhân dân tỉnh quy định điều kiện, diện tích tối thiểu được tách thửa đối với từng loại đất phù hợp với điều kiện cụ thể của địa phương. Bà tra cứu quyết định hiện hành của Ủy ban nhân dân tỉnh Hà Tĩnh về diện tích tối thiểu tách thửa để đối chiếu với khu vực thửa đất của gia đình (đô thị hay nông thôn, mặt tiền tiếp giáp đường).\n\nHồ sơ gồm đơn đề nghị tách thửa, bản vẽ tách thửa do đơn vị đo đạc có chức năng lập và Giấy chứng nhận đã cấp, nộp tại Bộ phận Một cửa thị xã hoặc trực tuyến.',
  },
  {
    topic: 3,
    kind: 'feedback',
    title: 'Xưởng cưa gỗ hoạt động ban đêm gây tiếng ồn',
    body: 'Xưởng cưa gỗ trong khu dân cư tổ dân phố 2 thường xuyên hoạt động đến 23 giờ, gây tiếng ồn và bụi, ảnh hưởng sinh hoạt của các hộ xung quanh. Đề nghị kiểm tra, xử lý.',
    name: 'Bùi Văn Lâm', phone: '0868 123 456',
    asked: '2026-10-30T21:15', status: 'processing',
  },
  {
    topic: 4,
    kind: 'feedback',
    title: 'Đèn chiếu sáng đường Trần Phú bị hỏng',
    body: 'Ba cột đèn chiếu sáng trên đường Trần Phú đoạn gần chợ đã hỏng hơn một tuần, buổi tối rất tối, nguy hiểm cho người đi đường. Đề nghị sửa chữa.',
    name: 'Lê Thị Thu', email: 'lethu.hl@gmail.com',
    asked: '2026-11-20T19:40', status: 'received',
  },
  {
    topic: 1,
    title: 'Xin cấp bản sao trích lục kết hôn ở đâu?',
    body: 'Tôi đăng ký kết hôn tại phường năm 2010 nay bị mất giấy chứng nhận kết hôn. Xin hỏi có xin lại được không, ở đâu và cần giấy tờ gì?',
    name: 'Trần Văn Đức', phone: '0911 000 777',
    asked: '2026-11-24T08:05', status: 'received',
  },
];

const BAC_HONG_LINH: DemoQuestion[] = [
  {
    topic: 1,
    title: 'Thay đổi họ tên trong giấy khai sinh cho con',
    body: 'Tôi muốn thay đổi tên đệm của con trai 10 tuổi cho phù hợp với tên họ hàng bên nội. Xin hỏi thủ tục thế nào và có cần ý kiến của cháu không?',
    name: 'Nguyễn Thị Nga', phone: '0919 246 810',
    asked: '2026-10-05T09:20', answered: '2026-10-12T15:00',
    answer: 'Theo Bộ luật Dân sự và Luật Hộ tịch, việc thay đổi tên của người chưa thành niên được thực hiện theo yêu cầu của cha mẹ; trường hợp con từ đủ 9 tuổi trở lên thì phải có sự đồng ý của người con.\n\nHồ sơ gồm tờ khai đăng ký thay đổi hộ tịch, giấy khai sinh của con và văn bản đồng ý của cháu. Bà nộp tại Bộ phận Một cửa phường Bắc Hồng Lĩnh hoặc qua Cổng Dịch vụ công quốc gia.',
  },
  {
    topic: 3,
    kind: 'feedback',
    title: 'Đề nghị nạo vét mương thoát nước khu dân cư',
    body: 'Mương thoát nước dọc khu dân cư tổ dân phố 4 bị bồi lắng, mỗi lần mưa lớn nước tràn vào nhà dân. Đề nghị phường cho nạo vét trước mùa mưa bão.',
    name: 'Phạm Văn Tài', phone: '0903 579 135',
    asked: '2026-10-15T16:45', answered: '2026-10-22T10:30',
    answer: 'Ủy ban nhân dân phường đã kiểm tra thực tế và đưa tuyến mương vào kế hoạch nạo vét, khơi thông dòng chảy trước mùa mưa bão; việc thi công hoàn thành ngày 20/10. Phường đề nghị bà con không xả rác, phế thải xuống mương để bảo đảm thoát nước.',
  },
  {
    topic: 2,
    title: 'Hỗ trợ người khuyết tật nặng',
    body: 'Em trai tôi bị khuyết tật vận động, đã được xác định mức độ khuyết tật nặng. Xin hỏi có được trợ cấp hằng tháng không?',
    name: 'Võ Văn Nam', email: 'vovannam@gmail.com',
    asked: '2026-11-21T14:00', status: 'received',
  },
];

export const seedQuestions: DemoSeeder = async (db, { siteId, demo: site }) => {
  const topicIds: number[] = [];
  for (const [i, name] of TOPICS.entries()) {
    const { id } = await db.insertInto('question_topics').values({ site_id: siteId, name: nfc(name), slug: slugify(name, 60), position: i + 1 }).returning('id').executeTakeFirstOrThrow();
    topicIds.push(id);
  }
  const list = site.code === 'namhonglinh' ? NAM_HONG_LINH : site.code === 'bachonglinh' ? BAC_HONG_LINH : [];
  for (const q of list) {
    const asked = fromLocalTime(q.asked);
    const answered = q.answered ? fromLocalTime(q.answered) : null;
    const answer = nfc(q.answer ?? '');
    const status: QuestionStatus = answered ? 'answered' : q.status ?? 'received';
    await db
      .insertInto('questions')
      .values({
        site_id: siteId,
        topic_id: topicIds[q.topic] ?? null,
        kind: q.kind ?? 'question',
        title: nfc(q.title),
        body: nfc(q.body),
        body_hash: contentHash(nfc(q.body)),
        asker_name: nfc(q.name),
        asker_phone: (q.phone ?? '').replace(/\s/g, ''),
        asker_email: q.email ?? '',
        asker_address: nfc(q.address ?? ''),
        tracking_hash: trackingHash(siteId, newTrackingCode()),
        status,
        reject_reason: '',
        answer,
        answered_at: answered,
        answered_by: null,
        assignee_id: null,
        published: answered ? 1 : 0,
        published_at: answered,
        slug: slugify(q.title, 80),
        search_text: searchTextOf(nfc(q.title), nfc(q.body), answer),
        visitor: '',
        created_at: asked,
        updated_at: answered ?? asked,
      })
      .execute();
  }
};
