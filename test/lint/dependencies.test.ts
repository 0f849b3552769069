/**
 * Each package's runtime dependencies are the ones its shipped code imports: a dependency nothing
 * imports is dropped, and one imported but undeclared would fail for whoever installs the package.
 * The library ships src/ (less tests and stories); the server's build bundles server/ and the
 * modules of src/ it imports.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const SHIPPED = /\.(ts|tsx)$/;
const NOT_SHIPPED = /\.(test|stories)\.tsx?$|\/testing(\.tsx?|\/)|\/fixtures\/|\/mocks\//;

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .map((f) => `${dir}/${f}`)
    .filter((f) => SHIPPED.test(f) && !NOT_SHIPPED.test(f) && !f.startsWith('server/dist/') && f !== 'server/build.ts');
}

const SPECIFIER = /(?:^|\n)\s*(?:import(?!\s+type\b)[^'"]*?from\s*|import\s+)['"]([^'"]+)['"]|(?:import|require)\s*\(\s*['"]([^'"]+)['"]/g;

/** The runtime import specifiers of a file (type-only imports left out). */
function specifiers(file: string): string[] {
  return [...readFileSync(join(root, file), 'utf8').matchAll(SPECIFIER)].map((m) => (m[1] ?? m[2])!);
}

/** The files reached from `files` through relative imports (how the server's build pulls in src/). */
function reached(files: string[]): string[] {
  const seen = new Set(files);
  const queue = [...files];
  while (queue.length) {
    const file = queue.pop()!;
    for (const spec of specifiers(file).filter((s) => s.startsWith('.'))) {
      const base = join(dirname(file), spec);
      const target = [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`, base].find((f) => existsSync(join(root, f)) && SHIPPED.test(f));
      if (target && !seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  return [...seen];
}

/** The npm packages the files import at runtime. */
function imported(files: string[]): Set<string> {
  const names = new Set<string>();
  for (const spec of files.flatMap(specifiers)) {
    if (spec.startsWith('.') || spec.startsWith('node:')) continue;
    names.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
  }
  return names;
}

const declared = (dir: string) => {
  const pkg = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')) as { dependencies?: object; peerDependencies?: object };
  return { deps: Object.keys(pkg.dependencies ?? {}).sort(), peers: Object.keys(pkg.peerDependencies ?? {}) };
};

describe('runtime dependencies', () => {
  it('when the library is installed, then its dependencies are exactly the packages src/ imports, less its peers', () => {
    const { deps, peers } = declared('.');
    const used = [...imported(sources('src'))].filter((name) => !peers.includes(name)).sort();
    expect(deps).toEqual(used);
  });

  it('when the server is installed, then its dependencies are exactly the packages its build imports', () => {
    const { deps } = declared('server');
    const used = imported(reached(sources('server')));
    expect(deps).toEqual([...used].sort());
  });
});
