import { ImportError } from './import-error.js';
import type { ImportItems } from './items.js';
import type { ImportPlan } from './plan.js';

/**
 * Every reference between records points at a record of the file or at an item an earlier run
 * of the same source imported (a later file may carry only the comments, say); trees have no
 * cycles. Fails on the first dangling reference, naming the line that makes it.
 */
export function checkReferences(plan: ImportPlan, items: ImportItems): void {
  const known = (map: Map<string, unknown>, kind: string, id: string) => map.has(id) || items.has(kind, id);
  for (const c of plan.categories.values()) {
    if (c.parent !== null && !known(plan.categories, 'category', c.parent)) throw ImportError.at(c.line, 'category', c.id, `chuyên mục cha “${c.parent}” không có trong tệp.`);
  }
  noCycle(plan.categories, 'category', 'chuyên mục cha');
  for (const a of plan.articles.values()) {
    for (const cat of a.categories) if (!known(plan.categories, 'category', cat)) throw ImportError.at(a.line, 'article', a.id, `chuyên mục “${cat}” không có trong tệp.`);
    if (a.cover !== null && !known(plan.files, 'media', a.cover)) throw ImportError.at(a.line, 'article', a.id, `ảnh đại diện “${a.cover}” không có trong tệp (cần một bản ghi "file" cùng mã).`);
  }
  for (const p of plan.pages.values()) {
    if (p.parent !== null && !known(plan.pages, 'page', p.parent)) throw ImportError.at(p.line, 'page', p.id, `trang cha “${p.parent}” không có trong tệp.`);
  }
  noCycle(plan.pages, 'page', 'trang cha');
  for (const d of plan.documents.values()) {
    for (const file of d.files) if (!plan.files.has(file)) throw ImportError.at(d.line, 'document', d.id, `tệp đính kèm “${file}” không có trong tệp (cần một bản ghi "file" cùng mã).`);
  }
  for (const c of plan.comments.values()) {
    if (!known(plan.articles, 'article', c.article)) throw ImportError.at(c.line, 'comment', c.id, `bài viết “${c.article}” không có trong tệp.`);
    if (c.parent !== null) {
      if (!known(plan.comments, 'comment', c.parent)) throw ImportError.at(c.line, 'comment', c.id, `bình luận được trả lời “${c.parent}” không có trong tệp.`);
      const parent = plan.comments.get(c.parent);
      if (parent && parent.article !== c.article) throw ImportError.at(c.line, 'comment', c.id, `bình luận được trả lời “${c.parent}” thuộc bài viết khác.`);
    }
  }
  noCycle(plan.comments, 'comment', 'bình luận được trả lời');
}

function noCycle<T extends { id: string; line: number; parent: string | null }>(map: Map<string, T>, kind: 'category' | 'page' | 'comment', label: string): void {
  const done = new Set<string>();
  for (const start of map.values()) {
    const path = new Set<string>();
    let cur: T | undefined = start;
    while (cur && !done.has(cur.id)) {
      if (path.has(cur.id)) throw ImportError.at(start.line, kind, start.id, `${label} tạo thành vòng lặp (một mục nằm trong chính nó).`);
      path.add(cur.id);
      cur = cur.parent === null ? undefined : map.get(cur.parent);
    }
    for (const id of path) done.add(id);
  }
}

/** Records in an order where each parent comes before its children. */
export function parentsFirst<T extends { id: string; parent: string | null }>(map: Map<string, T>): T[] {
  const out: T[] = [];
  const seen = new Set<string>();
  const visit = (r: T) => {
    if (seen.has(r.id)) return;
    seen.add(r.id);
    const parent = r.parent === null ? undefined : map.get(r.parent);
    if (parent) visit(parent);
    out.push(r);
  };
  for (const r of map.values()) visit(r);
  return out;
}
