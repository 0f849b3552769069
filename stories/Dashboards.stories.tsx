/**
 * The default dashboards, full page, exactly as a host embeds them: `<StatsDashboard>` fetching
 * from the project's MSW handlers (the one set shared with Vitest and the dev server), with
 * "today" pinned so every run shows the same numbers.
 */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { http, HttpResponse } from 'msw';
import { StatsDashboard } from '../src/components/StatsDashboard';
import { createHandlers, MOCK_COMMUNITIES } from '../src/mocks/handlers';
import { PHONE_360 } from './support/argTypes';
import { STORY_TODAY } from './support/demoSeries';
import { storyGlobals } from './support/globals';

const [GLOBAL, PHYSICS, , CLOSED] = MOCK_COMMUNITIES;

interface Args {
  community: string;
}

const meta = {
  title: 'Dashboards',
  parameters: { fullPage: true, msw: createHandlers({ today: STORY_TODAY }) },
  argTypes: {
    community: {
      control: { type: 'select' },
      options: MOCK_COMMUNITIES.map((c) => c.id),
      labels: Object.fromEntries(MOCK_COMMUNITIES.map((c) => [c.id, c.title ?? c.id])),
    },
  },
  args: { community: GLOBAL!.id },
  render: (args, { globals }) => {
    const { locale, theme } = storyGlobals(globals);
    return <StatsDashboard apiBase="/api" community={args.community} locale={locale} theme={theme} today={STORY_TODAY} />;
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<typeof meta>;

export const GlobalDashboard: Story = {};
export const CommunityDashboard: Story = { args: { community: PHYSICS!.id } };
export const AggregationInProgress: Story = { parameters: { msw: createHandlers({ today: STORY_TODAY, aggregating: true }) } };
export const DisabledCommunity: Story = { args: { community: CLOSED!.id } };
export const TinyScreen: Story = { globals: PHONE_360 };
export const ServerDown: Story = {
  parameters: {
    msw: [http.get('/api/*', () => HttpResponse.json({ error: { code: 'unavailable', message: 'The statistics server is restarting' } }, { status: 503 }))],
  },
};
