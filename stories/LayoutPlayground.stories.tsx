/**
 * The layout playground for site owners: edit a layout's JSON (completion and hover docs from its
 * JSON Schema), see problems listed with their paths, the dashboard redrawn live, and copy,
 * download or save the result.
 */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { http, HttpResponse } from 'msw';
import { StatsDashboard } from '../src/components/StatsDashboard';
import { defaultCommunityLayout, defaultLayout } from '../src/layout/defaults';
import { layoutJsonSchema } from '../src/layout/jsonSchema';
import type { LayoutInput } from '../src/layout/schema';
import { validateLayout } from '../src/layout/validate';
import { LayoutPlayground } from './playground/LayoutPlayground';
import type { EditorSchema } from './playground/LayoutEditor';
import { FIXTURE_COMMUNITY, FIXTURE_TODAY, fixtureHandlers } from './support/fixtureHandlers';
import { storyGlobals } from './support/globals';

/** The token the story's mock server accepts for "Save to server". */
export const DEMO_TOKEN = 'demo-token';

/** A stand-in for the server's layout PUT: token required, body checked by the same validation. */
const saveHandler = http.put('/api/v1/communities/:community/layout', async ({ request, params }) => {
  if (request.headers.get('authorization') !== `Bearer ${DEMO_TOKEN}`) {
    return HttpResponse.json({ error: { code: 'unauthorized', message: 'a token is required: send Authorization: Bearer <token>' } }, { status: 401 });
  }
  const result = validateLayout(await request.json());
  if (!result.ok) {
    const [first] = result.issues;
    return HttpResponse.json({ error: { code: 'invalid_layout', message: first?.message ?? 'invalid layout', path: first?.path } }, { status: 422 });
  }
  return HttpResponse.json({ community: String(params.community), overridden: true, layout: result.layout });
});

const schema = layoutJsonSchema() as EditorSchema;

interface Args {
  initialLayout: LayoutInput | string;
  community: string;
}

const meta = {
  title: 'Layout playground',
  // SCREAMING_CASE exports are data shared with the tests, not stories.
  excludeStories: /^[A-Z0-9_]+$/,
  parameters: { fullPage: true, msw: [...fixtureHandlers(), saveHandler] },
  argTypes: { initialLayout: { control: false } },
  args: { initialLayout: defaultLayout, community: 'global' },
  render: (args, { globals }) => {
    const { locale, theme } = storyGlobals(globals);
    return (
      <div style={{ padding: 16 }}>
        <LayoutPlayground
          initialLayout={args.initialLayout}
          schema={schema}
          save={{ apiBase: '/api', community: args.community }}
          renderPreview={(layout) => (
            <StatsDashboard apiBase="/api" community={args.community} layout={layout} locale={locale} theme={theme} today={FIXTURE_TODAY} />
          )}
        />
      </div>
    );
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<typeof meta>;

export const DefaultLayout: Story = {};
export const CommunityLayout: Story = { args: { initialLayout: defaultCommunityLayout, community: FIXTURE_COMMUNITY.id } };

/** A small layout with three typical mistakes: an unknown metric, a width over 16, a missing mode. */
export const BROKEN_LAYOUT = JSON.stringify(
  {
    version: 1,
    tabs: [
      {
        id: 'overview',
        label: { en: 'Overview', fr: 'Vue d’ensemble' },
        rows: [
          {
            widgets: [
              { type: 'single-stat', width: 4, metric: 'downloads_total', mode: 'delta' },
              { type: 'breakdown', width: 20, field: 'funders', metric: 'downloads', mode: 'delta', view: 'bar' },
              { type: 'time-series', width: 8, metrics: ['views'] },
            ],
          },
        ],
      },
    ],
  },
  null,
  2,
);

export const BrokenLayout: Story = { args: { initialLayout: BROKEN_LAYOUT } };

export const NotJson: Story = { args: { initialLayout: '{\n  "version": 1,\n  "tabs": [\n    { "id": "overview", }\n  ]\n}' } };

export const UnknownWidgetType: Story = {
  args: {
    initialLayout: JSON.stringify(
      {
        version: 1,
        tabs: [{ id: 'overview', label: 'Overview', rows: [{ widgets: [{ type: 'sparkline', width: 8 }, { type: 'single-stat', width: 8, metric: 'views', mode: 'delta' }] }] }],
      },
      null,
      2,
    ),
  },
};
