import type { ProjectFileRow, ProjectNoticeRow, ProjectRow } from '../../../kernel/db/tables/projects.js';
import type { Frame } from '../../../kernel/views/public/frame.js';
import { Layout } from '../../../kernel/views/public/layout.js';
import { capitalText, longDay, NOTICE_KINDS, shortDay, STATUS_NAMES } from '../present.js';
import { PROJECTS_LABEL, projectUrls } from '../urls.js';
import { FileList, Progress } from './file-list.js';

/** A project: its facts, its documents, and its notices (bidding, land recovery, compensation) with theirs. */
export function ProjectPage({ frame, project: p, notices, files }: { frame: Frame; project: ProjectRow; notices: ProjectNoticeRow[]; files: ProjectFileRow[] }) {
  const path = projectUrls.project(p);
  const own = files.filter((f) => f.notice_id === null);
  return (
    <Layout
      frame={frame}
      meta={{ title: p.name, canonicalPath: path, current: 'sec:du-an-dau-thau', description: `${p.name}: chủ đầu tư ${p.investor}, ${p.location}, ${STATUS_NAMES[p.status].toLowerCase()}.` }}
      crumbs={[{ name: 'Trang chủ', href: '/' }, { name: PROJECTS_LABEL, href: projectUrls.list() }, { name: p.name, href: path }]}
    >
      <article class="project">
        <h1 class="page-title">{p.name}</h1>
        <dl class="document-fields">
          <dt>Chủ đầu tư</dt><dd>{p.investor}</dd>
          <dt>Tổng mức đầu tư</dt><dd>{capitalText(p.capital_vnd)}</dd>
          {p.capital_source && <><dt>Nguồn vốn</dt><dd>{p.capital_source}</dd></>}
          <dt>Địa điểm</dt><dd>{p.location}</dd>
          <dt>Thời gian thực hiện</dt>
          <dd>{p.start_on ? <time dateTime={p.start_on}>{shortDay(p.start_on)}</time> : 'Chưa khởi công'} – {p.finish_on ? <time dateTime={p.finish_on}>{shortDay(p.finish_on)}</time> : 'chưa xác định'}</dd>
          <dt>Tình trạng</dt><dd>{STATUS_NAMES[p.status]}</dd>
          <dt>Tiến độ</dt><dd><Progress value={p.progress} name={p.name} /></dd>
        </dl>
        {p.summary && p.summary.split('\n').filter(Boolean).map((para) => <p>{para}</p>)}
        {own.length > 0 && (
          <section aria-labelledby="ho-so-du-an">
            <h2 id="ho-so-du-an" class="section-title">Hồ sơ dự án</h2>
            <FileList files={own} />
          </section>
        )}
        <section aria-labelledby="thong-bao-du-an">
          <h2 id="thong-bao-du-an" class="section-title">Thông báo đấu thầu, thu hồi đất, bồi thường</h2>
          {notices.length === 0 ? (
            <p class="muted">Dự án chưa có thông báo nào.</p>
          ) : (
            notices.map((n) => (
              <section class="project-notice" id={`thong-bao-${n.id}`} aria-labelledby={`thong-bao-${n.id}-tieu-de`}>
                <h3 id={`thong-bao-${n.id}-tieu-de`}>{n.title}</h3>
                <p class="muted">
                  {NOTICE_KINDS[n.kind]} · <time dateTime={n.issued_on}>{longDay(n.issued_on)}</time>
                  {n.deadline_on && <> · Hạn: <time dateTime={n.deadline_on}>{shortDay(n.deadline_on)}</time></>}
                </p>
                {n.body.split('\n').filter(Boolean).map((para) => <p>{para}</p>)}
                <FileList files={files.filter((f) => f.notice_id === n.id)} />
              </section>
            ))
          )}
        </section>
        <p><a href={projectUrls.list()}>« Danh sách dự án</a></p>
      </article>
    </Layout>
  );
}
