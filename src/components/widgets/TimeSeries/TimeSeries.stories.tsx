import { useState } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import type { FieldId } from '../../../core/fields';
import type { MetricId, Mode } from '../../../core/metrics';
import type { TimeChartKind } from '../../../core/charts/timeSeries';
import type { Comparison, Granularity } from '../../../core/series/types';
import { ARG_TYPES, PHONE_360, READER_STATES } from '../../../../stories/support/argTypes';
import { demoSeries } from '../../../../stories/support/demoSeries';
import { storyGlobals, type StorybookLocale } from '../../../../stories/support/globals';
import { applyVariant, type DataVariant } from '../../../../stories/support/variants';
import { widgetKit } from '../../../../stories/support/widgetKit';
import { WidgetStory, type CardState, type WidgetState } from '../../../../stories/support/WidgetStory';
import { metricName } from '../shared/labels';
import { TimeSeriesView } from './TimeSeriesView';

interface Args {
  metrics: MetricId[];
  mode: Mode;
  chart: TimeChartKind;
  stacked: boolean;
  breakdownBy: FieldId[];
  /** The field shown separately at first (none when empty). */
  separately: FieldId | '';
  height: number;
  granularity: Granularity;
  comparison: Comparison;
  state: WidgetState;
  data: DataVariant;
  narrow: boolean;
  card: CardState;
}

/** Holds the reader's choices (metric, "show separately") as the dashboard's store would. */
function TimeSeriesStory({ args, locale, theme }: { args: Args; locale: StorybookLocale; theme: string }) {
  const kit = widgetKit(locale);
  const [metric, setMetric] = useState<MetricId>(args.metrics[0] ?? 'views');
  const [separately, setSeparately] = useState<FieldId | null>(args.separately || null);
  const shown = args.metrics.includes(metric) ? metric : (args.metrics[0] ?? 'views');
  const title = metricName(kit.t, shown);
  const series = applyVariant(
    demoSeries({ metric: shown, mode: args.mode, field: separately ?? undefined, granularity: args.granularity, comparison: args.comparison }),
    args.data,
  );
  return (
    <div style={{ maxWidth: args.narrow ? 360 : 960 }}>
      <WidgetStory state={args.state} t={kit.t} title={title} height={args.height} series={series} narrow={args.narrow} card={args.card}>
        {(data) => (
          <TimeSeriesView
            title={title}
            metrics={args.metrics}
            metric={shown}
            onMetricChange={setMetric}
            mode={args.mode}
            chart={args.chart}
            stacked={args.stacked}
            breakdownBy={args.breakdownBy}
            separately={separately}
            onSeparatelyChange={setSeparately}
            height={args.height}
            series={data}
            themeKey={theme}
            {...kit}
          />
        )}
      </WidgetStory>
    </div>
  );
}

const meta = {
  title: 'Widgets/time-series',
  argTypes: {
    metrics: { control: { type: 'multi-select' }, options: ARG_TYPES.metric.options, table: { category: 'widget' } },
    mode: ARG_TYPES.mode,
    chart: { control: { type: 'inline-radio' }, options: ['line', 'area', 'bar'], table: { category: 'widget' } },
    breakdownBy: { control: { type: 'multi-select' }, options: ARG_TYPES.field.options, table: { category: 'widget' } },
    separately: { control: { type: 'select' }, options: ['', ...ARG_TYPES.field.options], table: { category: 'widget' } },
    height: { control: { type: 'range', min: 120, max: 800, step: 20 }, table: { category: 'widget' } },
    granularity: ARG_TYPES.granularity,
    comparison: ARG_TYPES.comparison,
    state: ARG_TYPES.state,
    data: ARG_TYPES.data,
    narrow: ARG_TYPES.narrow, card: ARG_TYPES.card,
  },
  args: {
    metrics: ['views', 'downloads', 'views_unique_visitors'],
    mode: 'delta',
    chart: 'line',
    stacked: false,
    breakdownBy: ['resource_types', 'countries', 'access_statuses'],
    separately: '',
    height: 300,
    granularity: 'week',
    comparison: 'none',
    state: 'ready',
    data: 'demo data',
    narrow: false, card: 'as drawn',
  },
  // Keyed by the args, so changing a control starts from its initial choices again.
  render: (args, { globals }) => <TimeSeriesStory key={JSON.stringify(args)} args={args} {...storyGlobals(globals)} />,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<typeof meta>;

export const UsageDelta: Story = {};
export const RecordsCumulativeArea: Story = { args: { metrics: ['records', 'files', 'data_volume'], mode: 'cumulative', chart: 'area', granularity: 'month' } };
export const ComparedWithPreviousPeriod: Story = { args: { granularity: 'day', comparison: 'previous-period' } };
/** Shown separately with the comparison on: each country's previous period, dashed in the country's colour. */
export const ComparedByCountry: Story = { args: { granularity: 'week', comparison: 'previous-period', separately: 'countries' } };
/** Ten resource types: past eight items only the top eight are compared, as the chart's description says. */
export const ComparedByResourceTypeTopItems: Story = { args: { granularity: 'week', comparison: 'previous-period', separately: 'resource_types' } };
export const StackedByResourceType: Story = { args: { chart: 'bar', stacked: true, separately: 'resource_types', granularity: 'month' } };
export const DailyBars: Story = { args: { chart: 'bar', granularity: 'day' } };
export const Loading: Story = { args: { state: 'loading' } };
export const Empty: Story = { args: { state: 'empty' } };
export const ErrorState: Story = { name: 'Error', args: { state: 'error' } };
export const AggregationInProgress: Story = { args: { state: 'aggregation in progress' } };
export const LongLabels: Story = { args: { data: 'long labels', separately: 'resource_types', granularity: 'month' } };
export const RtlLengthLabels: Story = { name: 'RTL-length labels', args: { data: 'RTL-length labels', separately: 'countries', granularity: 'month' } };
export const HugeNumbers: Story = { args: { data: 'huge numbers', metrics: ['download_volume'], granularity: 'month' } };
export const TinyScreen: Story = { args: { narrow: true, height: 240 }, globals: PHONE_360 };

/** The reader's states (READER_STATES): the ⋯ menu open, the table view, the card hidden, dark, a 390 px phone. */
export const MenuOpen: Story = READER_STATES.menuOpen;
export const TableView: Story = READER_STATES.tableView;
export const HiddenCard: Story = READER_STATES.hidden;
export const Dark: Story = READER_STATES.dark;
export const Phone390: Story = READER_STATES.phone390;
