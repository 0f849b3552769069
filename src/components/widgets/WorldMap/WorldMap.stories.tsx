import type { Meta, StoryObj } from '@storybook/react-vite';
import type { MetricId, Mode } from '../../../core/metrics';
import type { Granularity } from '../../../core/series/types';
import { MapSchema } from '../../../layout/schema';
import { ARG_TYPES, PHONE_360, READER_STATES } from '../../../../stories/support/argTypes';
import { demoSeries } from '../../../../stories/support/demoSeries';
import { storyGlobals } from '../../../../stories/support/globals';
import { applyVariant, type DataVariant } from '../../../../stories/support/variants';
import { widgetKit } from '../../../../stories/support/widgetKit';
import { WidgetStory, type CardState, type WidgetState } from '../../../../stories/support/WidgetStory';
import { metricName } from '../shared/labels';
import { WorldMapView } from './WorldMapView';

/** The metrics a map accepts, from the layout schema itself. */
const MAP_METRICS = MapSchema.shape.metric.options as MetricId[];

interface Args {
  metric: MetricId;
  mode: Mode;
  height: number;
  granularity: Granularity;
  state: WidgetState;
  data: DataVariant;
  narrow: boolean;
  card: CardState;
}

const meta = {
  title: 'Widgets/map',
  argTypes: {
    metric: { control: { type: 'select' }, options: MAP_METRICS, table: { category: 'widget' } },
    mode: ARG_TYPES.mode,
    height: { control: { type: 'range', min: 160, max: 800, step: 20 }, table: { category: 'widget' } },
    granularity: ARG_TYPES.granularity,
    state: ARG_TYPES.state,
    data: { ...ARG_TYPES.data, options: ['demo data', 'huge numbers'] },
    narrow: ARG_TYPES.narrow, card: ARG_TYPES.card,
  },
  args: { metric: 'views', mode: 'delta', height: 400, granularity: 'month', state: 'ready', data: 'demo data', narrow: false, card: 'as drawn' },
  render: (args, { globals }) => {
    const { locale, theme } = storyGlobals(globals);
    const kit = widgetKit(locale);
    const title = metricName(kit.t, args.metric);
    // Every country, as the connector asks (the map has no "top N").
    const series = applyVariant(demoSeries({ metric: args.metric, mode: args.mode, field: 'countries', granularity: args.granularity, topN: 250 }), args.data);
    return (
      <div style={{ maxWidth: args.narrow ? 360 : 960 }}>
        <WidgetStory state={args.state} t={kit.t} title={title} height={args.height + 48} series={series} narrow={args.narrow} card={args.card}>
          {(data) => <WorldMapView title={title} metric={args.metric} mode={args.mode} height={args.height} series={data} themeKey={theme} {...kit} />}
        </WidgetStory>
      </div>
    );
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<typeof meta>;

export const ViewsByCountry: Story = {};
export const DownloadVolumeCumulative: Story = { args: { metric: 'download_volume', mode: 'cumulative' } };
export const Loading: Story = { args: { state: 'loading' } };
export const Empty: Story = { args: { state: 'empty' } };
export const ErrorState: Story = { name: 'Error', args: { state: 'error' } };
export const AggregationInProgress: Story = { args: { state: 'aggregation in progress' } };
export const HugeNumbers: Story = { args: { data: 'huge numbers' } };
export const TinyScreen: Story = { args: { narrow: true, height: 240 }, globals: PHONE_360 };

/** The reader's states (READER_STATES): the ⋯ menu open, the table view, the card hidden, dark, a 390 px phone. */
export const MenuOpen: Story = READER_STATES.menuOpen;
export const TableView: Story = READER_STATES.tableView;
export const HiddenCard: Story = READER_STATES.hidden;
export const Dark: Story = READER_STATES.dark;
export const Phone390: Story = READER_STATES.phone390;
