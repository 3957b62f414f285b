// The editor's modules form layers: the store and the document model use the node kinds' data
// specs, never their panels. When a slice imported the node registry with its React panels, the
// panels imported the store back: a 22-file import cycle in which load order decided what was
// defined. This walks the value imports of editor/src (type-only imports vanish at build time).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../editor/src/', import.meta.url));

describe('editor module boundaries', () => {
  const graph = importGraph();

  it('has no import cycle', () => {
    expect(findCycles(graph)).toEqual([]);
  });

  it('keeps React components out of the store and the node specs', () => {
    for (const root of ['store/editor-store.ts', 'nodes/node-specs.ts']) {
      const components = [...reachable(graph, root)].filter((f) => f.endsWith('.tsx'));
      expect(components, `${root} reaches components`).toEqual([]);
    }
  });
});

/** Each editor/src file (relative path) with the editor/src files it imports values from. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(path.join(SRC, file), 'utf8');
    const source = ts.createSourceFile(
      file,
      text,
      ts.ScriptTarget.Latest,
      false,
      file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
    );
    const targets: string[] = [];
    for (const statement of source.statements) {
      const specifier = valueImportOf(statement);
      const target = specifier === null ? null : resolve(file, specifier);
      if (target !== null) targets.push(target);
    }
    graph.set(file, targets);
  }
  return graph;
}

/** The module an import or re-export loads at run time, or null when it only names types. */
function valueImportOf(statement: ts.Statement): string | null {
  if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
    const clause = statement.importClause;
    if (clause?.isTypeOnly) return null;
    const bindings = clause?.namedBindings;
    const onlyTypes =
      clause !== undefined &&
      clause.name === undefined &&
      bindings !== undefined &&
      ts.isNamedImports(bindings) &&
      bindings.elements.every((e) => e.isTypeOnly);
    return onlyTypes ? null : statement.moduleSpecifier.text;
  }
  if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
    return statement.isTypeOnly ? null : statement.moduleSpecifier.text;
  }
  return null;
}

/** The editor/src file a relative `./x.js` specifier names (`x.ts` or `x.tsx`), or null outside it. */
function resolve(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = path.join(path.dirname(from), specifier).replace(/\.js$/, '');
  if (base.startsWith('..')) return null;
  for (const ext of ['.ts', '.tsx']) if (existsSync(path.join(SRC, base + ext))) return base + ext;
  return null;
}

function sourceFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(prefix, entry.name);
    if (entry.isDirectory()) return sourceFiles(path.join(dir, entry.name), rel);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [rel] : [];
  });
}

function reachable(graph: Map<string, string[]>, root: string): Set<string> {
  const seen = new Set<string>([root]);
  const stack = [root];
  for (let file = stack.pop(); file !== undefined; file = stack.pop()) {
    for (const next of graph.get(file) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        stack.push(next);
      }
    }
  }
  return seen;
}

/** One cycle per strongly connected component of more than one file (Tarjan), as its files. */
function findCycles(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (file: string): void => {
    index.set(file, counter);
    low.set(file, counter);
    counter++;
    stack.push(file);
    onStack.add(file);
    for (const next of graph.get(file) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) {
        low.set(file, Math.min(low.get(file) ?? 0, index.get(next) ?? 0));
      }
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
      onStack.delete(top);
      component.push(top);
      if (top === file) break;
    }
    if (component.length > 1) cycles.push(component.sort());
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return cycles;
}
