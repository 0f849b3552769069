import type { Meta, StoryObj } from '@storybook/react-vite';
import type { TopRecordsResponse } from '../../../api/schemas';
import { ARG_TYPES, PHONE_360, READER_STATES } from '../../../../stories/support/argTypes';
import { demoSeries, STORY_TODAY } from '../../../../stories/support/demoSeries';
import { storyGlobals } from '../../../../stories/support/globals';
import { LONG_LABELS, RTL_LABELS, type DataVariant } from '../../../../stories/support/variants';
import { widgetKit } from '../../../../stories/support/widgetKit';
import { WidgetStory, type CardState, type WidgetState } from '../../../../stories/support/WidgetStory';
import { metricName } from '../shared/labels';
import { TopRecordsView } from './TopRecordsView';

/** Titles of the reference system's sample records (reference/fixtures/records), one untitled. */
const TITLES: (string | null)[] = [
  'Dictionary of Canadianisms on Historical Principles, Third Edition (www.dchp.ca/dchp3)',
  'Algumas considerações acerca da arquitetura civil portucalense',
  '"1955 in 1947: Historical Conjecture and Strategic Planning in the Office of the Chief of Naval Operations"',
  'Trends and Concerns in Library Services for Incarcerated People and People in the Process of Reentry: Publication Review (2020-2022)',
  "The Acts of Unity: The Eucharistic Theology of Charles Williams' Arthurian Poetry",
  'Mathematical Philology in the Treatise on Double False Position in an Arabic Manuscript at Columbia University',
  'The macroeconomic evolution of the USA, 1970 - 2010. A heterodox mathematical modelling approach with System Dynamics.',
  'TRATAMIENTO de los RESIDUOS de la INDUSTRIA del PROCESADO de ALIMENTOS',
  null,
  'Supplementary data for "Soil carbon under grazing"',
];

/**
 * A ranking whose total is the demo's real views (or downloads) over the last 30 days, spread
 * over the records by a long-tailed (Zipf) share, as usage typically is.
 */
function ranking(metric: 'views' | 'downloads', limit: number, data: DataVariant): TopRecordsResponse {
  const series = demoSeries({ metric, mode: 'delta', granularity: 'day' });
  const unique = demoSeries({ metric: metric === 'views' ? 'views_unique_visitors' : 'downloads_unique_visitors', mode: 'delta', granularity: 'day' });
  const harmonic = Array.from({ length: 200 }, (_, i) => 1 / (i + 1)).reduce((a, b) => a + b, 0);
  const scale = data === 'huge numbers' ? 1e9 : 1;
  const titles = data === 'long labels' ? LONG_LABELS : data === 'RTL-length labels' ? RTL_LABELS : TITLES;
  return {
    metric,
    start: series.periods[0] ?? STORY_TODAY,
    end: STORY_TODAY,
    records: Array.from({ length: limit }, (_, i) => ({
      id: `demo-${String(i + 1).padStart(3, '0')}`,
      title: titles[i % titles.length] ?? null,
      value: Math.round((series.summary * scale) / harmonic / (i + 1)),
      uniqueVisitors: Math.round((unique.summary * scale) / harmonic / (i + 1)),
    })),
  };
}

interface Args {
  metric: 'views' | 'downloads';
  limit: number;
  recordUrl: string;
  state: WidgetState;
  data: DataVariant;
  narrow: boolean;
  card: CardState;
}

const meta = {
  title: 'Widgets/top-records',
  argTypes: {
    metric: { control: { type: 'inline-radio' }, options: ['views', 'downloads'], table: { category: 'widget' } },
    limit: { control: { type: 'number', min: 1, max: 100 }, table: { category: 'widget' } },
    state: ARG_TYPES.state,
    data: ARG_TYPES.data,
    narrow: ARG_TYPES.narrow, card: ARG_TYPES.card,
  },
  args: { metric: 'views', limit: 10, recordUrl: '/records/{id}', state: 'ready', data: 'demo data', narrow: false, card: 'as drawn' },
  render: (args, { globals }) => {
    const kit = widgetKit(storyGlobals(globals).locale);
    const title = metricName(kit.t, args.metric);
    const data = ranking(args.metric, args.limit, args.data);
    // The state switch only needs a series for "in progress"; the ranking itself is shown as is.
    const series = demoSeries({ metric: args.metric, mode: 'delta', granularity: 'day' });
    return (
      <div style={{ maxWidth: args.narrow ? 360 : 720 }}>
        <WidgetStory state={args.state} t={kit.t} title={title} height={320} series={series} narrow={args.narrow} card={args.card}>
          {() => <TopRecordsView title={title} data={data} recordUrl={args.recordUrl || undefined} {...kit} />}
        </WidgetStory>
      </div>
    );
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<typeof meta>;

export const MostViewed: Story = {};
export const MostDownloaded: Story = { args: { metric: 'downloads', limit: 5 } };
export const Loading: Story = { args: { state: 'loading' } };
export const Empty: Story = { args: { state: 'empty' } };
export const ErrorState: Story = { name: 'Error', args: { state: 'error' } };
export const LongLabels: Story = { args: { data: 'long labels' } };
export const RtlLengthLabels: Story = { name: 'RTL-length labels', args: { data: 'RTL-length labels' } };
export const HugeNumbers: Story = { args: { data: 'huge numbers' } };
export const TinyScreen: Story = { args: { narrow: true }, globals: PHONE_360 };

/** The reader's states (READER_STATES): the ⋯ menu open, the card hidden, dark, a 390 px phone. */
export const MenuOpen: Story = READER_STATES.menuOpen;
export const HiddenCard: Story = READER_STATES.hidden;
export const Dark: Story = READER_STATES.dark;
export const Phone390: Story = READER_STATES.phone390;
