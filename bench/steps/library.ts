/**
 * Library size: the published JS (dist/lib, gzip), the library with its non-peer dependencies
 * bundled (what a host ships besides React and ECharts), and the ECharts part: exactly the
 * ECharts modules the library imports, tree-shaken and minified on their own.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { load } from '../machine';
import { fmt, type Section } from '../report';

const root = resolve(import.meta.dirname, '../..');
const gz = (b: Buffer | string) => gzipSync(b, { level: 9 }).length;

async function bundle(entry: string, external: string[]): Promise<Buffer> {
  const out = await build({
    entryPoints: [entry], bundle: true, minify: true, format: 'esm', write: false, platform: 'browser',
    external, loader: { '.json': 'json' }, logLevel: 'silent', nodePaths: [join(root, 'node_modules')],
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  return Buffer.from(out.outputFiles[0]!.contents);
}

export async function benchLibrary(): Promise<Section> {
  const started = load();
  const lib = join(root, 'dist/lib');
  const js = readdirSync(lib).filter((f) => f.endsWith('.js') && f !== 'mocks.js');
  const own = js.map((f) => readFileSync(join(lib, f)));
  const ownRaw = own.reduce((s, b) => s + b.length, 0);
  const ownGz = own.reduce((s, b) => s + gz(b), 0);

  const index = readFileSync(join(lib, 'index.js'), 'utf8');
  const echartsImports = [...index.matchAll(/import\s*\{([^}]*)\}\s*from\s*"(echarts\/[^"]+)"/g)];
  const dir = mkdtempSync(join(tmpdir(), 'repostats-bench-lib-'));
  try {
    const entry = join(dir, 'echarts-part.js');
    writeFileSync(entry, echartsImports.map(([, names, from]) => `export {${names!.replace(/\s+as\s+\w+/g, '')}} from '${from}';`).join('\n'));
    const echarts = await bundle(entry, []);
    const withDeps = await bundle(join(lib, 'index.js'), ['react', 'react-dom', 'react/jsx-runtime', 'react-dom/client', 'echarts', 'echarts/*']);
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; peerDependencies: Record<string, string> };
    const everyDep = [...Object.keys(pkg.dependencies), ...Object.keys(pkg.peerDependencies)].flatMap((d) => [d, `${d}/*`]);
    const minified = await bundle(join(lib, 'index.js'), [...everyDep, 'react/jsx-runtime', 'react-dom/client']);
    return {
      title: 'Library size',
      command: 'npm run build:lib; gzip -9 of dist/lib/*.js (mocks.js excluded); esbuild --bundle --minify for the other two',
      load: started,
      figures: [
        { metric: `library JS as published (${js.join(' + ')}), raw / gzip`, value: `${fmt.kb(ownRaw)} / ${fmt.kb(ownGz)}`, target: '≤ 80 KB gzip', met: ownGz <= 80 * 1024 },
        { metric: 'library JS minified (as a host bundler would), every dependency external, raw / gzip', value: `${fmt.kb(minified.length)} / ${fmt.kb(gz(minified))}`, target: '≤ 80 KB gzip', met: gz(minified) <= 80 * 1024 },
        { metric: 'library + its non-peer dependencies (react-query, zustand, i18next, zod, topojson, world-atlas…), peers external, raw / gzip', value: `${fmt.kb(withDeps.length)} / ${fmt.kb(gz(withDeps))}` },
        { metric: `ECharts part (${echartsImports.length} imports from echarts/core, charts, components, renderers), raw / gzip`, value: `${fmt.kb(echarts.length)} / ${fmt.kb(gz(echarts))}` },
      ],
      notes: ['The published library leaves every dependency as an import (the host bundler dedupes them); the second line is what a host adds when it has none of them.'],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
