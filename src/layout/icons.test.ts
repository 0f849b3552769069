import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { defaultLayout } from './defaults';

/** Every `i.icon.a.b::before` glyph Fomantic ships, as its icon name (`'a b'`). */
function fomanticIcons(): Set<string> {
  const css = readFileSync(createRequire(import.meta.url).resolve('fomantic-ui-css/components/icon.css'), 'utf8');
  return new Set([...css.matchAll(/i\.icon((?:\.[a-z0-9-]+)+)::?before/g)].map((m) => m[1]!.slice(1).replace(/\./g, ' ')));
}

describe('icons of the default layout', () => {
  it('when the default layout names an icon, then Fomantic has a glyph for it (an unknown name renders nothing)', () => {
    const names = new Set<string>();
    for (const tab of defaultLayout.tabs) {
      if (tab.icon) names.add(tab.icon);
      for (const row of tab.rows) for (const widget of row.widgets) if ('icon' in widget && widget.icon) names.add(widget.icon);
    }
    const known = fomanticIcons();
    expect(names.size).toBeGreaterThan(3);
    expect([...names].filter((name) => !known.has(name))).toEqual([]);
  });
});
