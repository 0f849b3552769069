/**
 * The default layouts: everything the reference's default dashboard shows (four tabs: content,
 * contributions, traffic, usage), expressed as data in our seven widget types. Where the
 * reference needed ~66 near-identical breakdown components, each breakdown here is one line.
 * Labels are i18n keys in the `dashboard` namespace (`dashboard:layout.*`, namespace-qualified so
 * widgets resolving titles with their own `widgets` t find them too).
 *
 * Not carried over: the reference's `file_presence` chart breakdown (not a subcount field here;
 * `records_with_files` / `records_metadata_only` are metrics instead).
 */
import type { FieldId } from '../core/fields';
import type { MetricId, Mode } from '../core/metrics';
import { GLOBAL } from '../core/kinds';
import type { LayoutInput } from './schema';

type WidgetInput = LayoutInput['tabs'][number]['rows'][number]['widgets'][number];
type View = 'table' | 'bar' | 'pie';

const stat = (id: string, metric: MetricId, mode: Mode, icon: string, width: number, mobile: number): WidgetInput => ({
  type: 'single-stat', id, metric, mode, icon, width, tablet: width, mobile, title: `dashboard:layout.widgets.${id}`,
});

const breakdown = (
  id: string,
  field: FieldId,
  metric: MetricId,
  mode: Mode,
  view: View,
  options: { views?: View[]; pageSize?: number } = {},
): WidgetInput => ({
  type: 'breakdown', id, field, metric, mode, view, views: options.views ?? ['bar', 'pie', 'table'],
  pageSize: options.pageSize ?? 10, width: 8, tablet: 16, mobile: 16, title: `dashboard:layout.widgets.${id}`,
});

const RECORD_CHART_FIELDS: FieldId[] = ['resource_types', 'languages', 'rights', 'affiliations', 'funders', 'publishers', 'file_types', 'access_statuses'];
const USAGE_CHART_FIELDS: FieldId[] = ['countries', 'resource_types', 'languages', 'rights', 'affiliations', 'periodicals', 'publishers', 'file_types', 'access_statuses'];

function contentTab(): LayoutInput['tabs'][number] {
  return {
    id: 'content', label: 'dashboard:layout.tabs.content', icon: 'chart pie',
    rows: [
      { widgets: [stat('total-records', 'records', 'cumulative', 'file', 5, 8), stat('total-uploaders', 'uploaders', 'cumulative', 'users', 6, 8), stat('total-data-volume', 'data_volume', 'cumulative', 'database', 5, 16)] },
      { widgets: [{ type: 'time-series', id: 'content-totals', title: 'dashboard:layout.widgets.content-totals', width: 16, metrics: ['records', 'parents', 'uploaders', 'files', 'data_volume'], mode: 'cumulative', chart: 'area', breakdownBy: RECORD_CHART_FIELDS, topN: 10, height: 300 }] },
      {
        widgets: [
          breakdown('top-work-types', 'resource_types', 'records', 'cumulative', 'bar'),
          breakdown('top-file-types', 'file_types', 'records', 'cumulative', 'bar'),
          breakdown('top-languages', 'languages', 'records', 'cumulative', 'bar'),
          breakdown('top-subjects', 'subjects', 'records', 'cumulative', 'bar'),
          breakdown('top-access-statuses', 'access_statuses', 'records', 'cumulative', 'bar'),
          breakdown('top-rights', 'rights', 'records', 'cumulative', 'bar'),
          breakdown('top-affiliations', 'affiliations', 'records', 'cumulative', 'bar'),
          breakdown('top-funders', 'funders', 'records', 'cumulative', 'bar'),
          breakdown('top-publishers', 'publishers', 'records', 'cumulative', 'bar', { pageSize: 8 }),
        ],
      },
    ],
  };
}

function contributionsTab(): LayoutInput['tabs'][number] {
  return {
    id: 'contributions', label: 'dashboard:layout.tabs.contributions', icon: 'users',
    rows: [
      { widgets: [stat('new-records', 'records', 'delta', 'file', 5, 8), stat('active-uploaders', 'uploaders', 'delta', 'users', 6, 8), stat('new-data-volume', 'data_volume', 'delta', 'database', 5, 16)] },
      { widgets: [{ type: 'time-series', id: 'contribution-rates', title: 'dashboard:layout.widgets.contribution-rates', width: 16, metrics: ['records', 'parents', 'uploaders', 'files', 'data_volume'], mode: 'delta', chart: 'bar', stacked: true, breakdownBy: [...RECORD_CHART_FIELDS, 'subjects', 'periodicals'], topN: 8, height: 300 }] },
      {
        widgets: [
          breakdown('work-types-added', 'resource_types', 'records', 'delta', 'bar'),
          breakdown('file-types-added', 'file_types', 'records', 'delta', 'bar'),
          breakdown('languages-added', 'languages', 'records', 'delta', 'bar'),
          breakdown('subjects-added', 'subjects', 'records', 'delta', 'bar'),
          breakdown('access-statuses-added', 'access_statuses', 'records', 'delta', 'bar'),
          breakdown('rights-added', 'rights', 'records', 'delta', 'bar'),
          breakdown('affiliations-added', 'affiliations', 'records', 'delta', 'bar'),
          breakdown('periodicals-added', 'periodicals', 'records', 'delta', 'bar'),
          breakdown('publishers-added', 'publishers', 'records', 'delta', 'bar', { pageSize: 8 }),
          breakdown('funders-added', 'funders', 'records', 'delta', 'bar'),
        ],
      },
    ],
  };
}

function usageTab(mode: Mode): LayoutInput['tabs'][number] {
  const cumulative = mode === 'cumulative';
  const p = cumulative ? 'total' : 'period';
  return {
    id: cumulative ? 'traffic' : 'usage',
    label: cumulative ? 'dashboard:layout.tabs.traffic' : 'dashboard:layout.tabs.usage',
    icon: cumulative ? 'world' : 'download',
    rows: [
      { widgets: [stat(`${p}-views`, 'views', mode, 'eye', 5, 8), stat(`${p}-downloads`, 'downloads', mode, 'download', 6, 8), stat(`${p}-traffic`, 'download_volume', mode, 'cloud download', 5, 16)] },
      { widgets: [{ type: 'time-series', id: `${p}-usage`, title: `dashboard:layout.widgets.${p}-usage`, width: 16, metrics: ['views', 'downloads', 'views_unique_visitors', 'downloads_unique_visitors', 'download_volume'], mode, chart: cumulative ? 'area' : 'line', breakdownBy: USAGE_CHART_FIELDS, topN: 10, height: 300 }] },
      {
        widgets: [
          { type: 'top-records', id: `${p}-most-downloaded`, title: 'dashboard:layout.widgets.most-downloaded', metric: 'downloads', limit: 6, width: 8, tablet: 16, mobile: 16 },
          { type: 'top-records', id: `${p}-most-viewed`, title: 'dashboard:layout.widgets.most-viewed', metric: 'views', limit: 6, width: 8, tablet: 16, mobile: 16 },
        ],
      },
      { widgets: [{ type: 'map', id: `${p}-countries`, title: `dashboard:layout.widgets.${p}-countries`, metric: 'views', mode, height: 400, width: 16 }] },
      {
        widgets: [
          breakdown(`${p}-file-types-downloaded`, 'file_types', 'downloads', mode, 'bar'),
          breakdown(`${p}-languages-viewed`, 'languages', 'views', mode, 'bar'),
          breakdown(`${p}-work-types-viewed`, 'resource_types', 'views', mode, 'bar'),
          breakdown(`${p}-rights-viewed`, 'rights', 'views', mode, 'bar'),
          breakdown(`${p}-publishers-viewed`, 'publishers', 'views', mode, 'bar'),
          breakdown(`${p}-referrers`, 'referrers', 'views', mode, 'bar'),
        ],
      },
    ],
  };
}

/**
 * The instance-wide dashboard.
 *
 * @example
 * <StatsDashboard apiBase="/api" community="global" layout={defaultLayout} />
 */
export const defaultLayout: LayoutInput = {
  version: 1,
  tabs: [contentTab(), contributionsTab(), usageTab('cumulative'), usageTab('delta')],
};

/**
 * A community's dashboard: the same four tabs, with an introduction naming the community's
 * scope on the first one (the figures count only the community's records and their usage).
 */
export const defaultCommunityLayout: LayoutInput = {
  version: 1,
  tabs: defaultLayout.tabs.map((tab, i) =>
    i === 0
      ? { ...tab, rows: [{ widgets: [{ type: 'text', id: 'community-intro', width: 16, body: 'dashboard:layout.text.community-intro' }] }, ...tab.rows] }
      : tab,
  ),
};

/** The default a community starts from (what a server-side override is merged onto). */
export function defaultLayoutFor(community: string): LayoutInput {
  return community === GLOBAL ? defaultLayout : defaultCommunityLayout;
}
