import type { PlanFileRow, PlanRow } from '../../../kernel/db/tables/plans.js';
import type { Frame } from '../../../kernel/views/public/frame.js';
import { Layout } from '../../../kernel/views/public/layout.js';
import { formatBytes } from '../../media/present.js';
import { fileLabel } from '../files.js';
import { KIND_NAMES, longDay, shortDay } from '../present.js';
import { PLANS_LABEL, planUrls } from '../urls.js';

const isPicture = (f: PlanFileRow) => f.mime.startsWith('image/');

/** /quy-hoach-ke-hoach: the plans, grouped by kind. */
export function PlanListPage({ frame, plans }: { frame: Frame; plans: PlanRow[] }) {
  const kinds = (Object.keys(KIND_NAMES) as (keyof typeof KIND_NAMES)[]).filter((k) => plans.some((p) => p.kind === k));
  return (
    <Layout
      frame={frame}
      meta={{ title: PLANS_LABEL, canonicalPath: planUrls.list(), current: 'sec:quy-hoach-ke-hoach', description: `Quy hoạch, kế hoạch sử dụng đất, kế hoạch phát triển kinh tế – xã hội của ${frame.site.name}.` }}
      crumbs={[{ name: 'Trang chủ', href: '/' }, { name: PLANS_LABEL, href: planUrls.list() }]}
    >
      <article class="plans">
        <h1 class="page-title">{PLANS_LABEL}</h1>
        <p>Quy hoạch, kế hoạch sử dụng đất, kế hoạch phát triển kinh tế – xã hội đã được phê duyệt, công khai theo Luật Thực hiện dân chủ ở cơ sở năm 2022 (Điều 11).</p>
        {plans.length === 0 && <p class="empty">Trang chưa công khai quy hoạch, kế hoạch nào.</p>}
        {kinds.map((k) => (
          <section aria-labelledby={`loai-${k}`}>
            <h2 id={`loai-${k}`} class="section-title">{KIND_NAMES[k]}</h2>
            <ul class="title-list">
              {plans.filter((p) => p.kind === k).map((p) => (
                <li>
                  <a href={planUrls.plan(p)}>{p.title}</a>{' '}
                  <span class="muted">({[p.period, p.decision, p.approved_on ? `phê duyệt ${shortDay(p.approved_on)}` : ''].filter(Boolean).join('; ')})</span>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </article>
    </Layout>
  );
}

export function PlanPage({ frame, plan: p, files }: { frame: Frame; plan: PlanRow; files: PlanFileRow[] }) {
  const path = planUrls.plan(p);
  const pictures = files.filter(isPicture);
  return (
    <Layout
      frame={frame}
      meta={{ title: p.title, canonicalPath: path, current: 'sec:quy-hoach-ke-hoach', description: `${KIND_NAMES[p.kind]}: ${p.title}.` }}
      crumbs={[{ name: 'Trang chủ', href: '/' }, { name: PLANS_LABEL, href: planUrls.list() }, { name: p.title, href: path }]}
    >
      <article class="plan">
        <h1 class="page-title">{p.title}</h1>
        <dl class="document-fields">
          <dt>Loại</dt><dd>{KIND_NAMES[p.kind]}</dd>
          {p.period && <><dt>Thời kỳ</dt><dd>{p.period}</dd></>}
          {p.decision && <><dt>Quyết định phê duyệt</dt><dd>{p.decision}</dd></>}
          {p.approved_on && <><dt>Ngày phê duyệt</dt><dd><time dateTime={p.approved_on}>{longDay(p.approved_on)}</time></dd></>}
        </dl>
        {p.summary.split('\n').filter(Boolean).map((para) => <p>{para}</p>)}
        {pictures.length > 0 && (
          <section aria-labelledby="ban-do-quy-hoach">
            <h2 id="ban-do-quy-hoach" class="section-title">Bản đồ</h2>
            {pictures.map((f) => (
              <figure class="plan-map">
                <a href={planUrls.file(f)}><img src={planUrls.file(f)} alt={`Bản đồ ${p.title} (${f.original_name})`} loading="lazy" /></a>
                <figcaption>{f.original_name} <span class="muted">({fileLabel(f.ext)}, {formatBytes(f.size_bytes)})</span></figcaption>
              </figure>
            ))}
          </section>
        )}
        <section aria-labelledby="tai-lieu-quy-hoach">
          <h2 id="tai-lieu-quy-hoach" class="section-title">Tài liệu</h2>
          <ul class="document-files">
            {files.filter((f) => !isPicture(f)).map((f) => (
              <li><a href={planUrls.file(f)} download>Tải về: {f.original_name}</a> <span class="muted">({fileLabel(f.ext)}, {formatBytes(f.size_bytes)})</span></li>
            ))}
            {p.geojson && <li><a href={planUrls.geojson(p)} download>Tải về: lớp bản đồ GeoJSON</a> <span class="muted">(dùng được trong QGIS, Google Earth)</span></li>}
          </ul>
          {files.length === 0 && !p.geojson && <p class="muted">Chưa có tài liệu đính kèm.</p>}
        </section>
        <p><a href={planUrls.list()}>« Danh sách quy hoạch, kế hoạch</a></p>
      </article>
    </Layout>
  );
}
