import type { Meta, StoryObj } from '@storybook/react-vite';
import type { FieldId } from '../../../core/fields';
import type { MetricId, Mode } from '../../../core/metrics';
import type { Granularity } from '../../../core/series/types';
import { ARG_TYPES, PHONE_360, READER_STATES } from '../../../../stories/support/argTypes';
import { demoSeries } from '../../../../stories/support/demoSeries';
import { storyGlobals } from '../../../../stories/support/globals';
import { applyVariant, type DataVariant } from '../../../../stories/support/variants';
import { widgetKit } from '../../../../stories/support/widgetKit';
import { WidgetStory, type CardState, type WidgetState } from '../../../../stories/support/WidgetStory';
import { SeriesTableView } from './SeriesTableView';

interface Args {
  title: string;
  metrics: MetricId[];
  mode: Mode;
  /** One row per item of this field; empty for one row per period. */
  field: FieldId | '';
  granularity: Granularity;
  state: WidgetState;
  data: DataVariant;
  narrow: boolean;
  card: CardState;
}

const meta = {
  title: 'Widgets/table',
  argTypes: {
    metrics: { control: { type: 'multi-select' }, options: ARG_TYPES.metric.options, table: { category: 'widget' } },
    mode: ARG_TYPES.mode,
    field: { control: { type: 'select' }, options: ['', ...ARG_TYPES.field.options], table: { category: 'widget' } },
    granularity: ARG_TYPES.granularity,
    state: ARG_TYPES.state,
    data: ARG_TYPES.data,
    narrow: ARG_TYPES.narrow, card: ARG_TYPES.card,
  },
  args: { title: 'Usage by month', metrics: ['views', 'downloads', 'download_volume'], mode: 'delta', field: '', granularity: 'month', state: 'ready', data: 'demo data', narrow: false, card: 'as drawn' },
  render: (args, { globals }) => {
    const kit = widgetKit(storyGlobals(globals).locale);
    const field = args.field || undefined;
    const all = args.metrics.map((metric) => applyVariant(demoSeries({ metric, mode: args.mode, field, granularity: args.granularity }), args.data));
    const [first] = all;
    if (!first) return <p>Pick at least one metric.</p>;
    return (
      <div style={{ maxWidth: args.narrow ? 360 : 960 }}>
        <WidgetStory state={args.state} t={kit.t} title={args.title} height={240} series={first} narrow={args.narrow} card={args.card}>
          {(shown) => (
            <SeriesTableView
              title={args.title}
              metrics={args.metrics}
              mode={args.mode}
              field={field}
              // The state switch reshapes the first series; the others follow the same cut.
              series={all.map((s, i) => (i === 0 ? shown : s))}
              {...kit}
            />
          )}
        </WidgetStory>
      </div>
    );
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<typeof meta>;

export const UsageByMonth: Story = {};
export const RecordsByResourceType: Story = { args: { title: 'Holdings by resource type', metrics: ['records', 'files', 'data_volume'], mode: 'cumulative', field: 'resource_types' } };
export const Loading: Story = { args: { state: 'loading' } };
export const Empty: Story = { args: { state: 'empty' } };
export const ErrorState: Story = { name: 'Error', args: { state: 'error' } };
export const AggregationInProgress: Story = { args: { state: 'aggregation in progress' } };
export const LongLabels: Story = { args: { data: 'long labels', field: 'funders', metrics: ['views', 'downloads'] } };
export const RtlLengthLabels: Story = { name: 'RTL-length labels', args: { data: 'RTL-length labels', field: 'publishers', metrics: ['views', 'downloads'] } };
export const HugeNumbers: Story = { args: { data: 'huge numbers' } };
export const TinyScreen: Story = { args: { narrow: true }, globals: PHONE_360 };

/** The reader's states (READER_STATES): the ⋯ menu open, the card hidden, dark, a 390 px phone. */
export const MenuOpen: Story = READER_STATES.menuOpen;
export const HiddenCard: Story = READER_STATES.hidden;
export const Dark: Story = READER_STATES.dark;
export const Phone390: Story = READER_STATES.phone390;
