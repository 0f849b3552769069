/**
 * Record deltas are net changes (added − removed, so they can be negative): no default widget
 * showing one may be titled as additions ("added", "new"), in any language; each says "net".
 */
import { describe, expect, it } from 'vitest';
import { createDashboardI18n, LOCALES } from '../i18n/createI18n';
import { ADDITION_WORDS, NET_WORDS } from '../i18n/testing';
import { METRICS, type MetricId, type Mode } from '../core/metrics';
import { defaultCommunityLayout, defaultLayout } from './defaults';


interface Shown {
  id?: string;
  title?: unknown;
  mode?: Mode;
  metric?: MetricId;
  metrics?: MetricId[];
}

const netWidgets = [...defaultLayout.tabs, ...defaultCommunityLayout.tabs]
  .flatMap((tab) => tab.rows.flatMap((row) => row.widgets as Shown[]))
  .filter((w) => w.mode === 'delta' && typeof w.title === 'string')
  .filter((w) => {
    const metric = w.metric ?? w.metrics?.[0];
    // Record metrics that are running sums of deltas; uploaders count the period's distinct uploaders (never negative).
    return metric !== undefined && METRICS[metric].family === 'records' && METRICS[metric].additive;
  });

describe('titles of record deltas', () => {
  it('covers the contributions tab', () => {
    expect(netWidgets.map((w) => w.id)).toEqual(expect.arrayContaining(['new-records', 'contribution-rates', 'languages-added', 'funders-added']));
  });

  it.each(LOCALES)('in %s, say "net" and never "added" or "new"', (locale) => {
    const t = createDashboardI18n({ locale }).t;
    for (const w of netWidgets) {
      const title = t(w.title as string);
      expect(title, w.id).not.toMatch(ADDITION_WORDS);
      expect(title, w.id).toMatch(NET_WORDS[locale]);
    }
  });
});
