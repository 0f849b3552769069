/**
 * Package checks on the built library (run after `npm run build:lib`):
 * - publint finds no errors in the package's exports;
 * - the type declarations resolve for a consumer importing 'repostats';
 * - the library's JS a page loads (without its peers; `repostats/mocks` is for tests) stays under
 *   the gzip budget stated in the README.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = resolve(import.meta.dirname, '..');
const BUDGET_GZIP_BYTES = 80 * 1024;
let failed = false;

function fail(message: string): void {
  console.error(`✗ ${message}`);
  failed = true;
}

// 1. publint
try {
  const out = execFileSync('npx', ['publint', '--strict'], { cwd: root, encoding: 'utf8' });
  console.log(out.trim() || 'publint: no issues');
} catch (error) {
  const e = error as { stdout?: string; stderr?: string };
  fail(`publint reported problems:\n${e.stdout ?? ''}${e.stderr ?? ''}`);
}

// 2. declarations resolve for a consumer
const consumer = join(root, '.tmp/consumer');
rmSync(consumer, { recursive: true, force: true });
mkdirSync(join(consumer, 'node_modules'), { recursive: true });
execFileSync('ln', ['-s', root, join(consumer, 'node_modules/repostats')]);
writeFileSync(
  join(consumer, 'index.ts'),
  `import { StatsDashboard, defaultLayout, mountStatsDashboard, type StatsDashboardProps } from 'repostats';
const props: StatsDashboardProps = { apiBase: '/api', community: 'global', layout: defaultLayout };
export { StatsDashboard, mountStatsDashboard, props };
`,
);
writeFileSync(
  join(consumer, 'tsconfig.json'),
  JSON.stringify({
    compilerOptions: {
      strict: true, module: 'ESNext', moduleResolution: 'Bundler', target: 'ES2022', jsx: 'react-jsx',
      noEmit: true, skipLibCheck: true, types: [], typeRoots: [join(root, 'node_modules/@types')],
      paths: { react: [join(root, 'node_modules/@types/react')] },
    },
    files: ['index.ts'],
  }),
);
try {
  execFileSync(join(root, 'node_modules/.bin/tsc'), ['-p', consumer], { cwd: consumer, encoding: 'utf8' });
  console.log('types: a consumer importing "repostats" type-checks');
} catch (error) {
  fail(`types do not resolve for a consumer:\n${(error as { stdout?: string }).stdout ?? ''}`);
}

// 3. size budget: the JS a host ships in its page (the `.` entry and its chunks). `repostats/mocks`
// (MSW handlers for hosts' tests) is reported beside it, not counted: no page loads it.
const lib = join(root, 'dist/lib');
const TEST_ONLY = new Set(['mocks.js']);
const sizes = { page: { raw: 0, gzip: 0 }, tests: { raw: 0, gzip: 0 } };
for (const name of readdirSync(lib)) {
  if (!name.endsWith('.js')) continue;
  const body = readFileSync(join(lib, name));
  const into = TEST_ONLY.has(name) ? sizes.tests : sizes.page;
  into.raw += statSync(join(lib, name)).size;
  into.gzip += gzipSync(body, { level: 9 }).length;
}
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
console.log(`library JS without peers: ${kb(sizes.page.raw)} raw, ${kb(sizes.page.gzip)} gzip (budget ${BUDGET_GZIP_BYTES / 1024} KB); repostats/mocks (tests only, not counted): ${kb(sizes.tests.raw)} raw, ${kb(sizes.tests.gzip)} gzip`);
if (sizes.page.gzip > BUDGET_GZIP_BYTES) fail('library JS is over its gzip budget');

process.exit(failed ? 1 : 0);
