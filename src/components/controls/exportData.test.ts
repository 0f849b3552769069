import { QueryClient } from '@tanstack/react-query';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { comparisonRange } from '../../core/queryRange';
import { validateLayout } from '../../layout/validate';
import { createHandlers } from '../../mocks/handlers';
import { collectExport, exportToCsv, widgetRequests } from './exportData';

const API = 'http://localhost/api';
const server = setupServer(...createHandlers({ apiBase: API, today: '2024-06-15' }));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

describe('widgetRequests', () => {
  it.each([
    [{ type: 'single-stat', metric: 'views', mode: 'delta', width: 4 }, [{ metric: 'views', mode: 'delta' }]],
    [{ type: 'time-series', metrics: ['views', 'downloads'], mode: 'cumulative', width: 16 }, [{ metric: 'views', mode: 'cumulative' }, { metric: 'downloads', mode: 'cumulative' }]],
    [{ type: 'map', metric: 'views', mode: 'delta', width: 16 }, [{ metric: 'views', mode: 'delta', field: 'countries', topN: 10_000 }]],
    [{ type: 'top-records', metric: 'views', width: 8 }, []],
    [{ type: 'text', body: 'hello', width: 8 }, []],
  ])('when the widget is %j, then the export asks for %j', (widget, expected) => {
    const result = validateLayout({ version: 1, tabs: [{ id: 't', label: 'T', rows: [{ widgets: [widget] }] }] });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(widgetRequests(result.layout.tabs[0]!.rows[0]!.widgets[0]!)).toEqual(expected);
  });
});

describe('collectExport + exportToCsv', () => {
  it('when a breakdown is exported by quarter, then the CSV has a total, item and Other row per period that add up', async () => {
    const result = validateLayout({
      version: 1,
      tabs: [{ id: 't', label: 'T', rows: [{ widgets: [{ type: 'breakdown', id: 'types', field: 'resource_types', metric: 'records', mode: 'delta', width: 8 }] }] }],
    });
    if (!result.ok) throw new Error('invalid');
    const doc = await collectExport({
      layout: result.layout,
      queryClient: new QueryClient(),
      view: { apiBase: API, community: 'global', range: { start: '2024-01-01', end: '2024-06-30' }, granularity: 'quarter', basis: 'added', comparison: 'none', filters: [] },
    });
    const lines = exportToCsv(doc).trim().split('\r\n');
    expect(lines[0]).toBe('tab,widget,metric,mode,granularity,period,item,value,comparison');
    const q1 = lines.slice(1).map((l) => l.split(',')).filter((c) => c[5] === '2024-01-01');
    const total = Number(q1.find((c) => c[6] === '')?.[7]);
    const parts = q1.filter((c) => c[6] !== '').reduce((sum, c) => sum + Number(c[7]), 0);
    expect(q1.map((c) => c[6])).toEqual(['', 'dataset', 'publication-article', 'software', 'image', '(other)']);
    expect(parts).toBe(total);
  });

  it('when compared with the previous period, then each item row carries the item’s value over the same number of days before', async () => {
    const result = validateLayout({
      version: 1,
      tabs: [{ id: 't', label: 'T', rows: [{ widgets: [{ type: 'breakdown', id: 'types', field: 'resource_types', metric: 'records', mode: 'delta', width: 8 }] }] }],
    });
    if (!result.ok) throw new Error('invalid');
    const queryClient = new QueryClient();
    const view = { apiBase: API, community: 'global', granularity: 'quarter', basis: 'added', filters: [] } as const;
    const rowsOf = async (range: { start: string; end: string }, comparison: 'none' | 'previous-period') =>
      exportToCsv(await collectExport({ layout: result.layout, queryClient, view: { ...view, range, comparison } }))
        .trim()
        .split('\r\n')
        .slice(1)
        .map((l) => l.split(','));
    // Data ends on 2024-06-15, so the quarter is read to then and compared with the 76 days before.
    const [start, end] = comparisonRange(['2024-04-01', '2024-06-15'], 'previous_period');
    expect([start, end]).toEqual(['2024-01-16', '2024-03-31']);
    const q1 = await rowsOf({ start, end }, 'none');
    const q2 = await rowsOf({ start: '2024-04-01', end: '2024-06-30' }, 'previous-period');
    const q1Values = new Map(q1.map((c) => [c[6], c[7]]));
    expect(q2.map((c) => [c[6], c[8]])).toEqual(q2.map((c) => [c[6], q1Values.get(c[6]) ?? '0']));
    expect(q2.filter((c) => c[6] !== '').length).toBeGreaterThan(1);
  });
});
