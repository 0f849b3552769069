import type { Meta, StoryObj } from '@storybook/react-vite';
import type { MetricId, Mode } from '../../../core/metrics';
import type { Comparison, Granularity } from '../../../core/series/types';
import { ARG_TYPES, PHONE_360, READER_STATES } from '../../../../stories/support/argTypes';
import { demoSeries } from '../../../../stories/support/demoSeries';
import { storyGlobals } from '../../../../stories/support/globals';
import { applyVariant, type DataVariant } from '../../../../stories/support/variants';
import { widgetKit } from '../../../../stories/support/widgetKit';
import { WidgetStory, type CardState, type WidgetState } from '../../../../stories/support/WidgetStory';
import { metricName } from '../shared/labels';
import { SingleStatView } from './SingleStatView';

interface Args {
  /** Empty: the metric's name in the toolbar's language. */
  title: string;
  metric: MetricId;
  mode: Mode;
  granularity: Granularity;
  comparison: Comparison;
  state: WidgetState;
  data: DataVariant;
  narrow: boolean;
  card: CardState;
}

const meta = {
  title: 'Widgets/single-stat',
  argTypes: { metric: ARG_TYPES.metric, mode: ARG_TYPES.mode, granularity: ARG_TYPES.granularity, comparison: ARG_TYPES.comparison, state: ARG_TYPES.state, data: ARG_TYPES.data, narrow: ARG_TYPES.narrow, card: ARG_TYPES.card },
  args: { title: '', metric: 'records', mode: 'cumulative', granularity: 'week', comparison: 'previous-period', state: 'ready', data: 'demo data', narrow: false, card: 'as drawn' },
  render: (args, { globals }) => {
    const kit = widgetKit(storyGlobals(globals).locale);
    const title = args.title || metricName(kit.t, args.metric);
    const series = applyVariant(demoSeries({ metric: args.metric, mode: args.mode, granularity: args.granularity, comparison: args.comparison }), args.data);
    return (
      <div style={{ maxWidth: args.narrow ? 360 : 320 }}>
        <WidgetStory state={args.state} t={kit.t} title={title} height={140} series={series} narrow={args.narrow} card={args.card}>
          {(data) => <SingleStatView title={title} metric={args.metric} mode={args.mode} series={data} {...kit} />}
        </WidgetStory>
      </div>
    );
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Records: Story = {};
export const DownloadVolume: Story = { args: { metric: 'download_volume', mode: 'delta', granularity: 'day' } };
export const Loading: Story = { args: { state: 'loading' } };
export const Empty: Story = { args: { state: 'empty' } };
export const ErrorState: Story = { name: 'Error', args: { state: 'error' } };
export const AggregationInProgress: Story = { args: { state: 'aggregation in progress', mode: 'delta', metric: 'views' } };
export const HugeNumbers: Story = { args: { data: 'huge numbers', metric: 'data_volume' } };
export const TinyScreen: Story = { args: { narrow: true }, globals: PHONE_360 };

/** Every metric in both modes, in one story: the registry drives the grid. */
export const EveryMetric: Story = {
  render: (args, { globals }) => {
    const kit = widgetKit(storyGlobals(globals).locale);
    const metrics = ARG_TYPES.metric.options;
    return (
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))', gap: 12 }}>
        {metrics.flatMap((metric) =>
          (['delta', 'cumulative'] as const).map((mode) => (
            <SingleStatView
              key={`${metric}-${mode}`}
              title={`${metricName(kit.t, metric)} · ${kit.t(`modes.${mode}`)}`}
              metric={metric}
              mode={mode}
              series={demoSeries({ metric, mode, granularity: args.granularity, comparison: args.comparison })}
              {...kit}
            />
          )),
        )}
      </div>
    );
  },
};

/** The reader's states (READER_STATES): the ⋯ menu open, the card hidden, dark, a 390 px phone. */
export const MenuOpen: Story = READER_STATES.menuOpen;
export const HiddenCard: Story = READER_STATES.hidden;
export const Dark: Story = READER_STATES.dark;
export const Phone390: Story = READER_STATES.phone390;
