import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';
import { ROOT } from './helpers/app.js';

/**
 * The shape of src/ that keeps a new section cheap (issue 11): the kernel knows no feature, the
 * top-level parts of src/ do not import each other in a circle, and what the kernel offers once
 * is not written again in a feature. Read from the source itself, so it stays true.
 */
const SRC = join(ROOT, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(name) ? [p] : [];
  });
}

const files = sourceFiles(SRC).filter((f) => !f.startsWith(join(SRC, 'client')));
const text = new Map(files.map((f) => [f, readFileSync(f, 'utf8')]));

/** Every relative import of a file (static, type-only and dynamic), resolved to a source file. */
function importsOf(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(text.get(file)!, true, true);
  return importedFiles
    .map((i) => i.fileName)
    .filter((s) => s.startsWith('.'))
    .map((s) => resolve(dirname(file), s).replace(/\.js$/, ''))
    .map((base) => [`${base}.ts`, `${base}.tsx`].find((c) => text.has(c)) ?? base);
}

/** "kernel", "features", "cli", or a file at the top of src/ ("app.ts"). */
const partOf = (file: string) => relative(SRC, file).split(/[\\/]/)[0]!;

test('nothing under src/kernel imports a feature', () => {
  const leaks = files
    .filter((f) => partOf(f) === 'kernel')
    .flatMap((f) => importsOf(f).filter((i) => partOf(i) !== 'kernel' && partOf(i) !== 'config.ts').map((i) => `${relative(SRC, f)} → ${relative(SRC, i)}`));
  assert.deepEqual(leaks, []);
});

test('no import cycle between the top-level parts of src/', () => {
  const edges = new Map<string, Set<string>>();
  for (const f of files) {
    for (const i of importsOf(f)) {
      if (partOf(i) === partOf(f)) continue;
      if (!edges.has(partOf(f))) edges.set(partOf(f), new Set());
      edges.get(partOf(f))!.add(partOf(i));
    }
  }
  const cycles: string[] = [];
  const visit = (node: string, path: string[]) => {
    for (const next of edges.get(node) ?? []) {
      if (path.includes(next)) cycles.push([...path.slice(path.indexOf(next)), next].join(' → '));
      else visit(next, [...path, next]);
    }
  };
  for (const node of edges.keys()) visit(node, [node]);
  assert.deepEqual(cycles, []);
});

test('the checks above can fail: a kernel file importing a feature is found', () => {
  const fake = join(SRC, 'kernel', 'fake.ts');
  text.set(fake, "import { features } from '../features/index.js';");
  try {
    assert.deepEqual(importsOf(fake).map(partOf), ['features']);
  } finally {
    text.delete(fake);
  }
});

test('there is no src/admin, src/public or other folder outside kernel, features, cli and client', () => {
  const folders = readdirSync(SRC).filter((n) => statSync(join(SRC, n)).isDirectory());
  assert.deepEqual(folders.sort(), ['cli', 'client', 'features', 'kernel']);
});

test('app.ts stays under 100 lines: it reads the features list instead of naming features', () => {
  assert.ok(text.get(join(SRC, 'app.ts'))!.split('\n').length < 100);
});

/** Where a source text occurs, as "file:line". */
function occurrences(re: RegExp): string[] {
  return files.flatMap((f) =>
    text.get(f)!.split('\n').flatMap((line, i) => (re.test(line) ? [`${relative(SRC, f)}:${i + 1}`] : [])),
  );
}

test('what the kernel offers once is not written again', () => {
  assert.deepEqual(occurrences(/request\.(params|query) as\b/), [], 'params and query come typed from route schemas');
  assert.equal(occurrences(/new Redis\(/).length, 1, 'one Redis client factory (src/kernel/redis.ts)');
  assert.ok(occurrences(/\\d\{1,12\}/).length <= 2, 'the id pattern lives in the route schemas');
  assert.equal(occurrences(/export (type|interface) FieldErrors\b/).length, 1, 'one FieldErrors (src/kernel/forms.ts)');
  assert.deepEqual(occurrences(/function (cleanText|cleanLine|cleanParagraphs)\b/), ['kernel/lib/text.ts:14', 'kernel/lib/text.ts:22'], 'one way to clean a line and one to clean paragraphs');
  assert.equal(occurrences(/=\s*\/\^.*@.*\/[a-z]*;|\.test\(email\)/).length, 1, 'one e-mail rule (src/kernel/forms.ts)');
  assert.equal(occurrences(/setInterval\(/).length, 1, 'one job loop (src/kernel/jobs.ts)');
});
