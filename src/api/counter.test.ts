import { describe, expect, it } from 'vitest';
import { counterReportUrl } from './counter';

describe('counterReportUrl', () => {
  it.each([
    [{ apiBase: '/api', community: 'global', report: 'pr', range: { start: '2024-01-01', end: '2024-12-31' } }, '/api/v1/communities/global/counter/pr.tsv?begin_date=2024-01&end_date=2024-12'],
    [{ apiBase: 'https://stats.example.org/api/', community: 'a b/c', report: 'ir', range: { start: '2023-11-15', end: '2024-02-03' }, format: 'xlsx' }, 'https://stats.example.org/api/v1/communities/a%20b%2Fc/counter/ir.xlsx?begin_date=2023-11&end_date=2024-02'],
  ] as const)('when the view is %j, then the report is at %s', (link, url) => {
    expect(counterReportUrl(link)).toBe(url);
  });
});
