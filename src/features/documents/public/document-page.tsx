import { formatBytes } from '../../media/present.js';
import type { Frame } from '../../../kernel/views/public/frame.js';
import { Layout } from '../../../kernel/views/public/layout.js';
import type { DocumentListItem, DocumentWithType } from '../repo.js';
import type { DocumentFileRow } from '../../../kernel/db/tables/documents.js';
import { FILE_TYPES } from '../files.js';
import { longDay, shortDay, STATUS_NAMES } from '../present.js';
import { documentUrls } from '../urls.js';

export function DocumentPage({ frame, doc, files, related }: { frame: Frame; doc: DocumentWithType; files: DocumentFileRow[]; related: DocumentListItem[] }) {
  const path = documentUrls.document(doc);
  const heading = `${doc.type_name} số ${doc.number}`;
  return (
    <Layout
      frame={frame}
      meta={{ title: `${heading}: ${doc.title.slice(0, 120)}`, description: doc.title.slice(0, 300), canonicalPath: path, current: 'sec:van-ban', jsonLd: [legislationLd(frame, doc, path, files)] }}
      crumbs={[{ name: 'Trang chủ', href: '/' }, { name: 'Văn bản', href: documentUrls.list() }, { name: heading, href: path }]}
    >
      <article class="document">
        <h1 class="page-title">{heading}</h1>
        <p class="document-summary">{doc.title}</p>
        <dl class="document-fields">
          <dt>Số, ký hiệu</dt><dd>{doc.number}</dd>
          <dt>Loại văn bản</dt><dd>{doc.type_name}</dd>
          <dt>Cơ quan ban hành</dt><dd>{doc.issuer}</dd>
          {doc.signer && <><dt>Người ký</dt><dd>{doc.signer}</dd></>}
          <dt>Ngày ban hành</dt><dd><time dateTime={doc.issued_on}>{longDay(doc.issued_on)}</time></dd>
          {doc.effective_on && <><dt>Ngày hiệu lực</dt><dd><time dateTime={doc.effective_on}>{longDay(doc.effective_on)}</time></dd></>}
          {doc.field && <><dt>Lĩnh vực</dt><dd>{doc.field}</dd></>}
          <dt>Tình trạng</dt><dd><span class={`document-status status-${doc.status}`}>{STATUS_NAMES[doc.status]}</span></dd>
          {doc.status === 'du-thao' && doc.consultation_until && <><dt>Hạn góp ý</dt><dd><time dateTime={doc.consultation_until}>hết {longDay(doc.consultation_until)}</time></dd></>}
        </dl>
        <section aria-labelledby="tep-dinh-kem">
          <h2 id="tep-dinh-kem" class="section-title">Tệp đính kèm</h2>
          {files.length ? (
            <ul class="document-files">
              {files.map((f) => (
                <li>
                  <a href={documentUrls.file(f)} download>Tải về: {f.original_name}</a>{' '}
                  <span class="muted">({FILE_TYPES[f.ext as keyof typeof FILE_TYPES]?.label ?? f.ext.toUpperCase()}, {formatBytes(f.size_bytes)})</span>
                </li>
              ))}
            </ul>
          ) : (
            <p class="muted">Văn bản chưa có tệp đính kèm.</p>
          )}
        </section>
        {related.length > 0 && (
          <section aria-labelledby="van-ban-lien-quan">
            <h2 id="van-ban-lien-quan" class="section-title">Văn bản liên quan</h2>
            <ul class="title-list">
              {related.map((r) => (
                <li>
                  <a href={documentUrls.document(r)}>{r.type_name} số {r.number}</a>: {r.title}{' '}
                  <span class="muted">({shortDay(r.issued_on)}, {STATUS_NAMES[r.status].toLowerCase()})</span>
                </li>
              ))}
            </ul>
          </section>
        )}
        <p><a href={documentUrls.list()}>« Danh sách văn bản</a></p>
      </article>
    </Layout>
  );
}

/** schema.org Legislation: identifier, date, issuing body, whether it is in force. */
function legislationLd(frame: Frame, d: DocumentWithType, path: string, files: DocumentFileRow[]) {
  return {
    '@context': 'https://schema.org',
    '@type': 'Legislation',
    name: `${d.type_name} số ${d.number}`,
    legislationIdentifier: d.number,
    legislationType: d.type_name,
    abstract: d.title,
    legislationDate: d.issued_on,
    legislationPassedBy: { '@type': 'GovernmentOrganization', name: d.issuer },
    legislationLegalForce: d.status === 'con-hieu-luc' ? 'https://schema.org/InForce' : d.status === 'het-hieu-luc' ? 'https://schema.org/NotInForce' : undefined,
    inLanguage: 'vi',
    url: frame.origin + path,
    encoding: files.map((f) => ({ '@type': 'MediaObject', encodingFormat: f.mime, contentUrl: frame.origin + documentUrls.file(f), contentSize: `${f.size_bytes} B` })),
  };
}
