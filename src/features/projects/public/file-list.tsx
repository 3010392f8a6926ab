import type { ProjectFileRow } from '../../../kernel/db/tables/projects.js';
import { FILE_TYPES } from '../../budget/files.js';
import { formatBytes } from '../../media/present.js';
import { projectUrls } from '../urls.js';

export function FileList({ files }: { files: ProjectFileRow[] }) {
  if (!files.length) return null;
  return (
    <ul class="document-files">
      {files.map((f) => (
        <li>
          <a href={projectUrls.file(f)} download>Tải về: {f.original_name}</a>{' '}
          <span class="muted">({FILE_TYPES[f.ext as keyof typeof FILE_TYPES]?.label ?? f.ext.toUpperCase()}, {formatBytes(f.size_bytes)})</span>
        </li>
      ))}
    </ul>
  );
}

export function Progress({ value, name }: { value: number; name: string }) {
  return (
    <span class="project-progress">
      <progress max={100} value={value} aria-label={`Tiến độ ${name}`}>{value}%</progress> <span>{value}%</span>
    </span>
  );
}
