import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';

/**
 * The static half of the tenancy test: reads TypeScript source and finds every Kysely query of a
 * site-owned table (`selectFrom`, `updateTable`, `deleteFrom`) that neither filters on `site_id`
 * nor carries a `// tenancy: why` comment.
 *
 * A query counts as scoped when a `where`/`whereRef` call of its chain mentions `site_id`
 * (`.where('site_id', '=', siteId)`, `.where('a.site_id', …)`, `eb('site_id', …)`, or a
 * subquery restricting the key to the site's ids), but not `.where('site_id', '!=', …)`, which
 * looks at the other sites. A chain kept in a variable is scoped when a
 * later `variable.where(…site_id…)` in the same function adds the filter. A subquery nested in a
 * scoped query is covered by it (it can only narrow what the outer query returns), and so is a
 * correlated subquery of an expression builder (`.select((eb) => eb.selectFrom(…).whereRef(…))`),
 * bounded by the outer row, whose own query is checked where it is written. A table given
 * as a variable (generic helpers) is treated as site-owned, and so is a global table (users)
 * joined to a site-owned one (user_roles). An update or delete by id of a table
 * without site_id (users, sessions, sites) needs the comment too, saying why no site applies.
 * The comment may sit on the lines right above the statement holding the query, or on any line
 * of the query.
 */
export type QueryOp = 'selectFrom' | 'updateTable' | 'deleteFrom';
const OPS = new Set<string>(['selectFrom', 'updateTable', 'deleteFrom']);
const FILTERS = new Set(['where', 'whereRef']);
export const TENANCY_COMMENT = /\/[/*][ \t]*tenancy:[ \t]*\S/;

export interface Finding {
  file: string;
  line: number;
  /** The function (or method) the query is written in, `<module>` at top level. */
  fn: string;
  op: QueryOp;
  table: string;
  text: string;
}

export interface FunctionInfo {
  name: string;
  line: number;
}

interface Chain {
  op: QueryOp;
  table: string;
  from: ts.CallExpression;
  top: ts.Expression;
  scoped: boolean;
  /** A subquery of an expression builder tied to the outer row by `whereRef`. */
  correlated: boolean;
}

const BUILDER_METHODS = new Set(['select', 'where', 'having', 'orderBy', 'set', 'whereRef']);

function parse(file: string, source: string): ts.SourceFile {
  return ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
}

function tableNames(arg: ts.Expression | undefined): string[] | null {
  if (!arg) return null;
  if (ts.isStringLiteralLike(arg)) return [arg.text.split(/\s+as\s+/i)[0]!.trim()];
  if (ts.isArrayLiteralExpression(arg)) {
    const names = arg.elements.map((e) => tableNames(e));
    return names.some((n) => n === null) ? null : names.flat() as string[];
  }
  return null; // a variable: the caller decides
}

/** The call one step further along a method chain (`x.from(…)` → `x.from(…).where(…)`), if any. */
function nextCall(node: ts.Expression): ts.CallExpression | null {
  const access = node.parent;
  if (!access || !ts.isPropertyAccessExpression(access) || access.expression !== node) return null;
  const call = access.parent;
  if (!call || !ts.isCallExpression(call) || call.expression !== access) return null;
  return call;
}

function methodName(call: ts.CallExpression): string | null {
  return ts.isPropertyAccessExpression(call.expression) ? call.expression.name.text : null;
}

/** Operators that look past the site rather than into it: `.where('site_id', '!=', siteId)` is a cross-site query. */
const EXCLUDING = new Set(['!=', '<>', 'not in', 'is not', 'is distinct from']);

function filtersOnSite(call: ts.CallExpression, fromSites = false): boolean {
  const name = methodName(call);
  if (name === null || !FILTERS.has(name)) return false;
  const [lhs, op] = call.arguments;
  if (lhs && op && /\bsite_id\b/.test(lhs.getText()) && ts.isStringLiteralLike(op) && EXCLUDING.has(op.text.toLowerCase())) return false;
  // From `sites` (joined to a site-owned table), the row's own id is the site.
  if (fromSites && lhs && op && ts.isStringLiteralLike(lhs) && /^(sites\.)?id$/.test(lhs.text) && ts.isStringLiteralLike(op) && op.text === '=') return true;
  return call.arguments.some((a) => /\bsite_id\b/.test(a.getText()));
}

function enclosingFunction(node: ts.Node): ts.FunctionLikeDeclaration | null {
  for (let n = node.parent; n; n = n.parent) if (ts.isFunctionLike(n) && 'body' in n) return n as ts.FunctionLikeDeclaration;
  return null;
}

/** `let q = db.selectFrom(…)…; … q = q.where('site_id', …)` or `q.where('site_id', …).execute()`. */
function scopedLater(top: ts.Expression): boolean {
  let name: string | null = null;
  const p = top.parent;
  if (p && ts.isVariableDeclaration(p) && p.initializer === top && ts.isIdentifier(p.name)) name = p.name.text;
  if (p && ts.isBinaryExpression(p) && p.right === top && p.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(p.left)) name = p.left.text;
  if (!name) return false;
  const scope = enclosingFunction(top) ?? top.getSourceFile();
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isIdentifier(n) && n.text === name && n !== (p as ts.VariableDeclaration).name) {
      for (let call = nextCall(n); call; call = nextCall(call)) if (filtersOnSite(call)) found = true;
    }
    ts.forEachChild(n, visit);
  };
  visit(scope);
  return found;
}

export function functionName(node: ts.Node): string {
  const names: string[] = [];
  for (let n: ts.Node | undefined = node; n; n = n.parent) {
    if ((ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n) || ts.isClassDeclaration(n)) && n.name) names.unshift(n.name.getText());
    else if ((ts.isArrowFunction(n) || ts.isFunctionExpression(n)) && ts.isVariableDeclaration(n.parent) && !names.length) names.unshift(n.parent.name.getText());
    else if (ts.isVariableDeclaration(n) && ts.isVariableStatement(n.parent.parent) && n.parent.parent.parent === node.getSourceFile()) {
      if (!names.length || names[0] !== n.name.getText()) names.unshift(n.name.getText());
    }
  }
  return names.join('.') || '<module>';
}

/** The lines a `// tenancy:` comment may sit on: the comment lines above the statement, and the query's own. */
function commentWindow(sf: ts.SourceFile, top: ts.Expression): string {
  let stmt: ts.Node = top;
  while (stmt.parent && !ts.isSourceFile(stmt.parent) && !ts.isBlock(stmt.parent) && !(ts.isArrowFunction(stmt.parent) && stmt.parent.body === stmt)) stmt = stmt.parent;
  const lines = sf.text.split('\n');
  let first = sf.getLineAndCharacterOfPosition(stmt.getStart(sf)).line;
  const last = sf.getLineAndCharacterOfPosition(top.getEnd()).line;
  while (first > 0 && /^\s*(\/\/|\/\*|\*)/.test(lines[first - 1]!)) first--;
  return lines.slice(first, last + 1).join('\n');
}

/** `.select((eb) => eb.selectFrom(…)…)`: the query is an argument of another query's method. */
function insideBuilderCallback(top: ts.Expression): boolean {
  for (let n: ts.Node = top; n.parent; n = n.parent) {
    if (ts.isArrowFunction(n) || ts.isFunctionExpression(n)) {
      const call = n.parent;
      return ts.isCallExpression(call) && call.arguments.includes(n as ts.Expression) && BUILDER_METHODS.has(methodName(call) ?? '');
    }
    if (ts.isBlock(n) || ts.isSourceFile(n)) return false;
  }
  return false;
}

function chainTop(from: ts.CallExpression): ts.Expression {
  let top: ts.Expression = from;
  for (let call = nextCall(from); call; call = nextCall(call)) top = call;
  return top;
}

const JOINS = new Set(['innerJoin', 'leftJoin', 'rightJoin', 'fullJoin', 'crossJoin', 'innerJoinLateral', 'leftJoinLateral']);

function joinedSiteTables(from: ts.CallExpression, siteTables: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (let call = nextCall(from); call; call = nextCall(call)) {
    if (!JOINS.has(methodName(call) ?? '')) continue;
    const names = tableNames(call.arguments[0]);
    if (names) out.push(...names.filter((t) => siteTables.has(t)));
  }
  return out;
}

/** `.where('id', …)` in the chain of an update or delete. */
function writesById(from: ts.CallExpression): boolean {
  for (let call = nextCall(from); call; call = nextCall(call)) {
    const first = call.arguments[0];
    if (methodName(call) === 'where' && first && ts.isStringLiteralLike(first) && /^(\w+\.)?id$/.test(first.text)) return true;
  }
  return false;
}

function chains(sf: ts.SourceFile, siteTables: ReadonlySet<string>): Chain[] {
  const out: Chain[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && OPS.has(n.expression.name.text)) {
      const names = tableNames(n.arguments[0]);
      let owned = names === null ? ['<dynamic>'] : names.filter((t) => siteTables.has(t));
      const op = n.expression.name.text as QueryOp;
      // From a global table (users) joined to a site-owned one (user_roles): the join brings every site's rows.
      if (!owned.length) owned = joinedSiteTables(n, siteTables).map((t) => `${names!.join(', ')} ⋈ ${t}`);
      if (!owned.length && names && op !== 'selectFrom' && writesById(n)) {
        // A table without site_id (users, sessions, sites) written by id: fine, but say why.
        out.push({ op, table: `${names.join(', ')} (no site_id)`, from: n, top: chainTop(n), scoped: false, correlated: false });
      } else if (owned.length) {
        let top: ts.Expression = n;
        let scoped = false;
        let joinsOuter = false;
        const fromSites = names?.length === 1 && names[0] === 'sites';
        for (let call = nextCall(n); call; call = nextCall(call)) {
          if (filtersOnSite(call, fromSites)) scoped = true;
          if (methodName(call) === 'whereRef') joinsOuter = true;
          top = call;
        }
        if (!scoped) scoped = scopedLater(top);
        const correlated = joinsOuter && insideBuilderCallback(top);
        out.push({ op, table: owned.join(', '), from: n, top, scoped, correlated });
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

/** Every unscoped, uncommented query of a site-owned table in one source text. */
export function checkSource(file: string, source: string, siteTables: ReadonlySet<string>): Finding[] {
  const sf = parse(file, source);
  const all = chains(sf, siteTables);
  const findings: Finding[] = [];
  for (const c of all) {
    if (c.scoped || c.correlated) continue;
    const inside = all.some((o) => o !== c && o.scoped && o.top.getStart(sf) <= c.from.getStart(sf) && c.top.getEnd() <= o.top.getEnd());
    if (inside) continue;
    if (TENANCY_COMMENT.test(commentWindow(sf, c.top))) continue;
    findings.push({
      file,
      line: sf.getLineAndCharacterOfPosition(c.from.getStart(sf)).line + 1,
      fn: functionName(c.from),
      op: c.op,
      table: c.table,
      text: c.top.getText(sf).replace(/\s+/g, ' ').slice(0, 160),
    });
  }
  return findings;
}

/** Functions a module declares (exported or not), for telling which exported functions were read. */
export function declaredFunctions(file: string, source: string): Map<string, FunctionInfo> {
  const sf = parse(file, source);
  const out = new Map<string, FunctionInfo>();
  const line = (n: ts.Node) => sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;
  for (const s of sf.statements) {
    if ((ts.isFunctionDeclaration(s) || ts.isClassDeclaration(s)) && s.name) out.set(s.name.text, { name: s.name.text, line: line(s) });
    if (ts.isVariableStatement(s)) {
      for (const d of s.declarationList.declarations) {
        if (ts.isIdentifier(d.name) && d.initializer) out.set(d.name.text, { name: d.name.text, line: line(d) });
      }
    }
  }
  return out;
}

/** Every server source file under src/ (the browser code in src/client/ has no database). */
export function serverSources(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      const rel = relative(root, path).split(sep).join('/');
      if (e.isDirectory() && rel !== 'src/client') walk(path);
      else if (e.isFile() && /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(path);
    }
  };
  walk(join(root, 'src'));
  return out.sort();
}

/**
 * The modules that hold repository functions and commands, by shape and by content: under
 * src/features/ and src/kernel/ every repo.ts and *-repo.ts, every commands.ts and everything
 * under a commands/ folder, and any other .ts module there that runs a query (moderate.ts,
 * vote.ts, rating.ts, the scheduler… are commands too). Views and routes (.tsx) are not, though
 * the query check reads them as well. Nothing is listed by name: a new module is found as is.
 */
export function isRepoOrCommandModule(rel: string, source: string): boolean {
  if (!/^src\/(features|kernel)\//.test(rel) || !rel.endsWith('.ts') || rel.endsWith('.d.ts')) return false;
  const parts = rel.split('/');
  const base = parts[parts.length - 1]!;
  if (base === 'repo.ts' || base.endsWith('-repo.ts') || base === 'commands.ts' || parts.includes('commands')) return true;
  return /\.(selectFrom|updateTable|deleteFrom|insertInto)\(/.test(source);
}

/** Names a module exports from another (`export { x } from …`, `export { x }`), and whether it has `export * from …`. */
export function reexports(file: string, source: string): { names: Set<string>; star: boolean } {
  const sf = parse(file, source);
  const names = new Set<string>();
  let star = false;
  for (const s of sf.statements) {
    // `export { x } from './y.js'`, or `import { x } …; export { x }`: declared in another module.
    if (!ts.isExportDeclaration(s)) continue;
    if (!s.exportClause) star = true;
    else if (ts.isNamedExports(s.exportClause)) for (const e of s.exportClause.elements) names.add(e.name.text);
  }
  return { names, star };
}
