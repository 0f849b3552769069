import { describe, expect, it } from 'vitest';
import { chartSvgString } from './exportChart';
import { ensureWorldMap, WORLD_MAP } from './echarts';
import { breakdownOption, breakdownRows } from '../../core/charts/breakdown';
import { mapOption } from '../../core/charts/map';
import { breakdownSeries } from '../../core/charts/testSeries';

const common = { description: 'desc', value: String, animation: false };

describe('chartSvgString', () => {
  it('when a bar breakdown is exported, then the SVG shows every item name', () => {
    const rows = breakdownRows(breakdownSeries(), { item: (i) => i.labels.en ?? i.id, other: () => 'Other' });
    const svg = chartSvgString(breakdownOption({ ...common, rows, view: 'bar', palette: ['#123456'], otherColor: '#888', textColor: '#000', widthPx: 500, percent: (f) => `${f * 100}%` }), {
      width: 500,
      height: 300,
    });
    expect(svg.startsWith('<svg')).toBe(true);
    for (const name of ['Dataset', 'Article', 'Software', 'Other']) expect(svg).toContain(name);
  });

  it('when the world map is exported, then country shapes are drawn', () => {
    ensureWorldMap();
    const svg = chartSvgString(
      mapOption({ ...common, mapName: WORLD_MAP, areaColor: '#abcdef', borderColor: '#ccc', legend: { high: 'High', low: 'Low' }, rows: [{ code: 'DE', name: 'Germany', value: 5 }] }),
      { width: 600, height: 400 },
    );
    expect((svg.match(/<path/g) ?? []).length).toBeGreaterThan(150);
    expect(svg).toContain('High');
    // Every country but Germany has no value and keeps the neutral fill.
    expect((svg.match(/fill="#abcdef"/g) ?? []).length).toBe(175);
  });
});
