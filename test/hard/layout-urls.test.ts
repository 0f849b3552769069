/**
 * Links in a layout are rendered on the host's page: a community's own token must not be able to
 * store a `javascript:` (or any non-http) link, and a layout that reaches the widgets some other
 * way must not render one as a link.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBodySchema } from '../../src/api/schemas';
import { TopRecordsView } from '../../src/components/widgets/TopRecords/TopRecordsView';
import { breakdownTable } from '../../src/components/widgets/Breakdown/breakdownTable';
import { viewCommon } from '../../src/components/widgets/testing';
import { validateLayout } from '../../src/layout/validate';
import { SECRET_TOKEN, bearer, seed, startTestServer, type TestServer } from '../../server/http/testing';

const UNSAFE = [
  'javascript:alert(document.cookie)',
  'JavaScript:alert(1)//{id}',
  '  javascript:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  '\u0001javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
];
const SAFE = ['/records/{id}', 'records/{id}', '?q={id}', 'https://example.org/records/{id}', 'http://example.org/search?q={field}:{id}', '//cdn.example.org/{id}'];

const layoutWith = (widget: object) => ({
  version: 1,
  tabs: [{ id: 'only', label: { en: 'Only' }, rows: [{ widgets: [widget] }] }],
});
const topRecords = (recordUrl: string) => layoutWith({ type: 'top-records', metric: 'views', width: 16, recordUrl });
const breakdown = (searchUrl: string) => layoutWith({ type: 'breakdown', field: 'funders', metric: 'views', mode: 'delta', width: 16, searchUrl });

describe('layout links through PUT with the community token', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
    await seed(s.db);
  });
  afterAll(() => s?.stop());

  const put = (body: unknown) =>
    fetch(`${s.url}/api/v1/communities/secret/layout`, {
      method: 'PUT',
      headers: { ...bearer(SECRET_TOKEN), 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('when recordUrl or searchUrl is not http(s) or relative, then 400 names it and nothing is stored', async () => {
    for (const url of UNSAFE) {
      for (const [layout, key] of [[topRecords(url), 'recordUrl'], [breakdown(url), 'searchUrl']] as const) {
        const res = await put(layout);
        expect(res.status, JSON.stringify(url)).toBe(400);
        const body = await res.json();
        expect(JSON.stringify(body), JSON.stringify(url)).toContain(key);
        expect(ErrorBodySchema.safeParse(body).success).toBe(true);
      }
    }
    const stored = (await (await fetch(`${s.url}/api/v1/communities/secret/layout`, { headers: bearer(SECRET_TOKEN) })).json()) as { overridden: boolean };
    expect(stored.overridden).toBe(false);
  });

  it('when they are http(s) or relative, then the layout is stored', async () => {
    for (const url of SAFE) {
      expect((await put(topRecords(url))).status, url).toBe(200);
      expect((await put(breakdown(url))).status, url).toBe(200);
    }
  });
});

describe('layout links when rendered', () => {
  it('when validateLayout sees an unsafe link, then it reports the path', () => {
    for (const url of UNSAFE) {
      const result = validateLayout(topRecords(url));
      expect(result.ok, url).toBe(false);
      if (!result.ok) expect(result.issues.map((i) => i.path).join(' ')).toContain('recordUrl');
    }
  });

  it('when an unsafe recordUrl reaches the top-records widget, then no record is rendered as a link', () => {
    const data = { metric: 'views' as const, start: '2024-01-01', end: '2024-12-31', records: [{ id: 'r1', title: 'A record', value: 3, uniqueVisitors: 2 }] };
    for (const recordUrl of UNSAFE) {
      const html = renderToStaticMarkup(createElement(TopRecordsView, { ...viewCommon('en'), title: 'Top', data, recordUrl }));
      expect(html, recordUrl).toContain('A record');
      expect(html, recordUrl).not.toMatch(/href=/i);
    }
    const safe = renderToStaticMarkup(createElement(TopRecordsView, { ...viewCommon('en'), title: 'Top', data, recordUrl: '/records/{id}' }));
    expect(safe).toContain('href="/records/r1"');
  });

  it('when an unsafe searchUrl reaches the breakdown table, then no item is rendered as a link', () => {
    const { t, format } = viewCommon('en');
    for (const searchUrl of UNSAFE) {
      const table = breakdownTable([{ id: 'f1', name: 'A funder', value: 3, share: 1, isOther: false }] as never, {
        caption: 'Funders', field: 'funders', metricName: 'Views', value: String, searchUrl, t, format,
      });
      const html = renderToStaticMarkup(createElement('div', null, table.rows[0]!.cells[0]!.display));
      expect(html, searchUrl).toContain('A funder');
      expect(html, searchUrl).not.toMatch(/href=/i);
    }
  });
});
