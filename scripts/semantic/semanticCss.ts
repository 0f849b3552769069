/**
 * The Fomantic UI stylesheet the dashboard's semantic-ui-react controls need, scoped under
 * `.rs-dashboard` so it never restyles the host page, with the icon fonts inlined (one file, no
 * font paths for the host to serve). Published as `repostats/semantic.css` (optional: a host
 * whose page already loads Semantic/Fomantic UI skips it) and imported by the demo page.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';
import { scopeCss } from './scopeCss';

/** The Fomantic components behind the semantic-ui-react controls we use. */
export const SEMANTIC_COMPONENTS = ['button', 'menu', 'dropdown', 'popup', 'table', 'message', 'label', 'icon', 'transition'] as const;
export const SEMANTIC_ROOT = '.rs-dashboard';

const fomantic = dirname(createRequire(import.meta.url).resolve('fomantic-ui-css/package.json'));

/** `url(../themes/default/assets/fonts/icons.woff2")` → a data URL; the `.woff` fallbacks are dropped. */
function inlineFonts(css: string): string {
  return css
    .replace(/,\s*url\("?[^)"]+\.woff"?\)\s*format\("woff"\)/g, '')
    .replace(/url\("?(?:\.\/)?\.\.\/(themes\/default\/assets\/fonts\/[\w-]+\.woff2)"?\)/g, (_, path: string) => {
      const data = readFileSync(join(fomantic, path)).toString('base64');
      return `url("data:font/woff2;base64,${data}")`;
    });
}

export function semanticCss(): string {
  const parts = SEMANTIC_COMPONENTS.map((c) => readFileSync(join(fomantic, 'components', `${c}.min.css`), 'utf8'));
  return `/* Fomantic UI ${SEMANTIC_COMPONENTS.join(', ')} (MIT), scoped under ${SEMANTIC_ROOT} */\n${inlineFonts(scopeCss(parts.join('\n'), SEMANTIC_ROOT))}`;
}

export const SEMANTIC_VIRTUAL_ID = 'virtual:repostats-semantic.css';

/**
 * Vite plugin: `import 'virtual:repostats-semantic.css'` (the demo page) gets the scoped sheet,
 * and a library build emits it as `semantic.css`.
 */
export function semanticCssPlugin({ emit = false } = {}): Plugin {
  const resolved = `\0${SEMANTIC_VIRTUAL_ID}`;
  return {
    name: 'repostats:semantic-css',
    resolveId: (id) => (id === SEMANTIC_VIRTUAL_ID ? resolved : undefined),
    load: (id) => (id === resolved ? semanticCss() : undefined),
    generateBundle() {
      if (emit) this.emitFile({ type: 'asset', fileName: 'semantic.css', source: semanticCss() });
    },
  };
}
