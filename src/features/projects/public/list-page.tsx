import type { ProjectRow } from '../../../kernel/db/tables/projects.js';
import type { Frame } from '../../../kernel/views/public/frame.js';
import { Layout } from '../../../kernel/views/public/layout.js';
import type { NoticeWithProject } from '../repo.js';
import { capitalText, NOTICE_KINDS, shortDay, STATUS_NAMES } from '../present.js';
import { PROJECTS_LABEL, projectUrls } from '../urls.js';
import { Progress } from './file-list.js';

/** /du-an-dau-thau: the newest notices (bidding, land recovery, compensation), then every project. */
export function ProjectListPage({ frame, projects, notices }: { frame: Frame; projects: ProjectRow[]; notices: NoticeWithProject[] }) {
  return (
    <Layout
      frame={frame}
      meta={{ title: PROJECTS_LABEL, canonicalPath: projectUrls.list(), current: 'sec:du-an-dau-thau', description: `Dự án đầu tư, thông báo mời thầu, thu hồi đất, bồi thường, hỗ trợ, tái định cư của ${frame.site.name}.` }}
      crumbs={[{ name: 'Trang chủ', href: '/' }, { name: PROJECTS_LABEL, href: projectUrls.list() }]}
    >
      <article class="projects">
        <h1 class="page-title">{PROJECTS_LABEL}</h1>
        <p>Dự án đầu tư công, đấu thầu, thu hồi đất, bồi thường, hỗ trợ, tái định cư trên địa bàn, công khai theo Luật Thực hiện dân chủ ở cơ sở năm 2022 (Điều 11).</p>
        {projects.length === 0 ? (
          <p class="empty">Trang chưa công khai dự án nào.</p>
        ) : (
          <>
            {notices.length > 0 && (
              <section aria-labelledby="thong-bao-moi">
                <h2 id="thong-bao-moi" class="section-title">Thông báo mới</h2>
                <ul class="title-list">
                  {notices.map((n) => (
                    <li>
                      <a href={projectUrls.notice({ id: n.project_id, slug: n.project_slug }, n)}>{n.title}</a>{' '}
                      <span class="muted">({NOTICE_KINDS[n.kind]}, {shortDay(n.issued_on)}{n.deadline_on ? `; hạn ${shortDay(n.deadline_on)}` : ''})</span>
                    </li>
                  ))}
                </ul>
              </section>
            )}
            <section aria-labelledby="danh-sach-du-an">
              <h2 id="danh-sach-du-an" class="section-title">Dự án</h2>
              <ul class="project-list">
                {projects.map((p) => (
                  <li>
                    <h3><a href={projectUrls.project(p)}>{p.name}</a></h3>
                    <p class="muted">{STATUS_NAMES[p.status]} · {p.location} · Tổng mức đầu tư: {capitalText(p.capital_vnd)}</p>
                    <Progress value={p.progress} name={p.name} />
                  </li>
                ))}
              </ul>
            </section>
          </>
        )}
      </article>
    </Layout>
  );
}
