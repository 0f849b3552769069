/**
 * The default dashboards, full page, exactly as a host embeds them: `<StatsDashboard>` fetching
 * through the project's MSW handlers (the one set shared with Vitest and the dev server), here
 * serving the demo fixtures — bundles the real pipeline rendered from the tiny demo repository —
 * with "today" pinned to the demo's last day so every run shows the same numbers.
 */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { http, HttpResponse } from 'msw';
import { StatsDashboard } from '../src/components/StatsDashboard';
import type { QueryFilter } from '../src/api/query';
import { GLOBAL } from '../src/core/kinds';
import { createHandlers, MOCK_COMMUNITIES } from '../src/mocks/handlers';
import { PHONE_360, PHONE_390 } from './support/argTypes';
import { FIXTURE_COMMUNITIES, FIXTURE_COMMUNITY, FIXTURE_TODAY, fixtureHandlers } from './support/fixtureHandlers';
import { storyGlobals } from './support/globals';

interface Args {
  community: string;
  title?: string;
  logo?: string;
  /** Filters the dashboard starts with (each shows as a chip above the tabs). */
  filters?: QueryFilter[];
}

const meta = {
  title: 'Dashboards',
  parameters: { fullPage: true, msw: fixtureHandlers() },
  argTypes: {
    community: {
      control: { type: 'select' },
      options: FIXTURE_COMMUNITIES.map((c) => c.id),
      labels: Object.fromEntries(FIXTURE_COMMUNITIES.map((c) => [c.id, c.title ?? c.id])),
    },
  },
  args: { community: GLOBAL },
  render: (args, { globals }) => {
    const { locale, theme } = storyGlobals(globals);
    return <StatsDashboard apiBase="/api" community={args.community} locale={locale} theme={theme} today={FIXTURE_TODAY} title={args.title} logo={args.logo} initialView={args.filters ? { filters: args.filters } : undefined} />;
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<typeof meta>;

export const GlobalDashboard: Story = {};
export const CommunityDashboard: Story = { args: { community: FIXTURE_COMMUNITY.id } };
/** The header with a host's own title and logo (the `title` and `logo` props). */
export const HostTitleAndLogo: Story = {
  args: { community: FIXTURE_COMMUNITY.id, title: 'Our community in numbers', logo: 'data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22 viewBox=%220 0 40 40%22%3E%3Ccircle cx=%2220%22 cy=%2220%22 r=%2218%22 fill=%22%230072B2%22/%3E%3C/svg%3E' },
};
export const AggregationInProgress: Story = { parameters: { msw: fixtureHandlers({ aggregating: true }) } };
/** A community whose dashboard the site switched off gets a message, not an empty page. */
export const DisabledCommunity: Story = {
  args: { community: MOCK_COMMUNITIES.find((c) => !c.enabled)!.id },
  parameters: { msw: createHandlers({ today: FIXTURE_TODAY }) },
};
export const TinyScreen: Story = { globals: PHONE_360 };
export const ServerDown: Story = {
  parameters: {
    msw: [http.get('/api/*', () => HttpResponse.json({ error: { code: 'unavailable', message: 'The statistics server is restarting' } }, { status: 503 }))],
  },
};
/** Filtered by one resource type (as after clicking it in a bar list): a chip names it, every card counts only it. */
export const FilteredByResourceType: Story = { args: { filters: [['is', 'field:resource_types', ['publication-article']]] } };
export const Dark: Story = { globals: { theme: 'dark' } };
export const Phone390: Story = { name: 'Phone (390 px)', globals: PHONE_390 };
