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
import { BreakdownView, type BreakdownViewKind } from './BreakdownView';

const VIEWS: BreakdownViewKind[] = ['table', 'bar', 'pie'];

interface Args {
  /** Empty: the field's name in the toolbar's language. */
  title: string;
  field: FieldId;
  metric: MetricId;
  mode: Mode;
  view: BreakdownViewKind;
  pageSize: number;
  collapsed: boolean;
  searchUrl: string;
  granularity: Granularity;
  state: WidgetState;
  data: DataVariant;
  narrow: boolean;
  card: CardState;
}

const meta = {
  title: 'Widgets/breakdown',
  argTypes: {
    field: ARG_TYPES.field,
    metric: ARG_TYPES.subcountMetric,
    mode: ARG_TYPES.mode,
    view: { control: { type: 'inline-radio' }, options: VIEWS, table: { category: 'widget' } },
    pageSize: { control: { type: 'number', min: 1, max: 100 }, table: { category: 'widget' } },
    granularity: ARG_TYPES.granularity,
    state: ARG_TYPES.state,
    data: ARG_TYPES.data,
    narrow: ARG_TYPES.narrow, card: ARG_TYPES.card,
  },
  args: {
    title: '',
    field: 'resource_types',
    metric: 'records',
    mode: 'cumulative',
    view: 'table',
    pageSize: 10,
    collapsed: false,
    searchUrl: '/search?q={field}:{id}',
    granularity: 'month',
    state: 'ready',
    data: 'demo data',
    narrow: false, card: 'as drawn',
  },
  render: (args, { globals }) => {
    const { locale, theme } = storyGlobals(globals);
    const kit = widgetKit(locale);
    const title = args.title || kit.t(`fields.${args.field}`);
    const series = applyVariant(demoSeries({ metric: args.metric, mode: args.mode, field: args.field, granularity: args.granularity }), args.data);
    return (
      <div style={{ maxWidth: args.narrow ? 360 : 720 }}>
        <WidgetStory state={args.state} t={kit.t} title={title} height={320} series={series} narrow={args.narrow} card={args.card}>
          {(data) => (
            <BreakdownView
              // A new view per control change, so the view arg is the one shown.
              key={args.view}
              title={title}
              field={args.field}
              metric={args.metric}
              mode={args.mode}
              view={args.view}
              views={VIEWS}
              pageSize={args.pageSize}
              collapsed={args.collapsed}
              searchUrl={args.searchUrl || undefined}
              series={data}
              themeKey={theme}
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

export const ResourceTypesTable: Story = {};
export const LicensesBar: Story = { args: { field: 'rights', metric: 'records', view: 'bar' } };
export const FileTypesPie: Story = { args: { field: 'file_types', metric: 'files', view: 'pie' } };
/** Few items: the ring is offered, its slices labelled outside. */
export const AccessStatusesRing: Story = { args: { field: 'access_statuses', metric: 'records', view: 'pie' } };
/** A multi-valued field: the shares add up to more than 100 %, and a note says why. */
export const LanguagesOverlappingShares: Story = { args: { field: 'languages', metric: 'records', view: 'bar' } };
export const CountriesDownloads: Story = { args: { field: 'countries', metric: 'downloads', mode: 'delta', view: 'bar' } };
export const FundersDataVolume: Story = { args: { field: 'funders', metric: 'data_volume', view: 'table' } };
export const Loading: Story = { args: { state: 'loading' } };
export const Empty: Story = { args: { state: 'empty' } };
export const ErrorState: Story = { name: 'Error', args: { state: 'error' } };
export const AggregationInProgress: Story = { args: { state: 'aggregation in progress', metric: 'views', mode: 'delta' } };
export const LongLabels: Story = { args: { data: 'long labels', field: 'funders', view: 'bar' } };
export const RtlLengthLabels: Story = { name: 'RTL-length labels', args: { data: 'RTL-length labels', field: 'affiliations', view: 'table' } };
export const HugeNumbers: Story = { args: { data: 'huge numbers', metric: 'data_volume', view: 'bar' } };
export const Collapsed: Story = { args: { collapsed: true } };
export const TinyScreen: Story = { args: { narrow: true, view: 'pie' }, globals: PHONE_360 };

/** Every field of the registry with one metric, in one story: one widget serves them all. */
export const EveryField: Story = {
  render: (args, { globals }) => {
    const { locale, theme } = storyGlobals(globals);
    const kit = widgetKit(locale);
    return (
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(340px, 1fr))', gap: 12 }}>
        {ARG_TYPES.field.options.map((field) => {
          const metric = field === 'countries' || field === 'referrers' ? 'views' : args.metric;
          return (
            <BreakdownView
              key={field}
              title={kit.t(`fields.${field}`)}
              field={field}
              metric={metric}
              mode={args.mode}
              view="table"
              views={VIEWS}
              pageSize={5}
              collapsed={false}
              series={demoSeries({ metric, mode: args.mode, field, granularity: args.granularity })}
              themeKey={theme}
              {...kit}
            />
          );
        })}
      </div>
    );
  },
};

/** The reader's states (READER_STATES): the ⋯ menu open, the card hidden, dark, a 390 px phone. */
export const MenuOpen: Story = READER_STATES.menuOpen;
export const HiddenCard: Story = READER_STATES.hidden;
export const Dark: Story = READER_STATES.dark;
export const Phone390: Story = READER_STATES.phone390;
