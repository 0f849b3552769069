import { describe, expect, it } from 'vitest';
import { scopeCss } from './scopeCss';
import { semanticCss } from './semanticCss';

describe('scopeCss', () => {
  it('when given rules, media queries, font faces and page selectors, then only rules are prefixed', () => {
    const css = '/* c */ .ui.button,a.ui.label{color:red} @media (max-width:700px){.ui.menu{display:block}} @font-face{font-family:icons;src:url(x.woff2)} @keyframes spin{from{opacity:0}to{opacity:1}} body{margin:0} html .ui.table{x:y}';
    expect(scopeCss(css, '.rs')).toBe(
      [
        '.rs .ui.button,.rs a.ui.label{color:red}',
        '@media (max-width:700px){.rs .ui.menu{display:block}\n}',
        '@font-face{font-family:icons;src:url(x.woff2)}',
        '@keyframes spin{from{opacity:0}to{opacity:1}}',
        '.rs{margin:0}',
        '.rs .ui.table{x:y}',
        '',
      ].join('\n'),
    );
  });
});

describe('semanticCss', () => {
  it('then every selector is under .rs-dashboard and the icon fonts are inlined', () => {
    const css = semanticCss();
    const rules = css.split('\n').filter((l) => l && !l.startsWith('@') && !l.startsWith('/*') && !l.startsWith('}'));
    expect(rules.length).toBeGreaterThan(1000);
    expect(rules.every((r) => r.startsWith('.rs-dashboard'))).toBe(true);
    expect(css).toContain('.rs-dashboard .ui.button');
    expect(css).not.toMatch(/url\((?!"?data:)/);
  });
});
