/**
 * Scopes a stylesheet under one root selector: every rule's selectors are prefixed
 * (`.ui.button` → `.rs-dashboard .ui.button`; `html`, `body` and `:root` become the root itself),
 * inside `@media`/`@supports` too; `@font-face` and `@keyframes` are kept as written. Enough for
 * Fomantic UI's generated CSS (no braces inside strings), without a CSS parser dependency.
 */
export function scopeCss(css: string, root: string): string {
  return scopeBlock(css.replace(/\/\*[\s\S]*?\*\//g, ''), root);
}

function prefix(selectors: string, root: string): string {
  return selectors
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const bare = s.replace(/^(html|body|:root)\b\s*/, '');
      if (bare !== s) return bare ? `${root} ${bare}` : root;
      return `${root} ${s}`;
    })
    .join(',');
}

/** The index just past the `}` closing the block opened at `open`. */
function blockEnd(css: string, open: number): number {
  let depth = 0;
  for (let i = open; i < css.length; i++) {
    if (css[i] === '{') depth++;
    else if (css[i] === '}' && --depth === 0) return i + 1;
  }
  return css.length;
}

function scopeBlock(css: string, root: string): string {
  let out = '';
  let i = 0;
  while (i < css.length) {
    const open = css.indexOf('{', i);
    if (open < 0) break;
    const head = css.slice(i, open).trim();
    // A statement at-rule (`@charset …;`, `@import …;`) before the block stays as is.
    const lastSemicolon = head.lastIndexOf(';');
    const statements = lastSemicolon >= 0 && head.startsWith('@') ? `${head.slice(0, lastSemicolon + 1)}\n` : '';
    const prelude = lastSemicolon >= 0 && head.startsWith('@') ? head.slice(lastSemicolon + 1).trim() : head;
    const end = blockEnd(css, open);
    const body = css.slice(open + 1, end - 1);
    if (/^@(media|supports|container|layer)\b/.test(prelude)) out += `${statements}${prelude}{${scopeBlock(body, root)}}\n`;
    else if (prelude.startsWith('@')) out += `${statements}${prelude}{${body}}\n`;
    else out += `${statements}${prefix(prelude, root)}{${body}}\n`;
    i = end;
  }
  return out;
}
