/**
 * Storybook controls whose options come from the registries, so a new field or metric appears
 * in every widget story without touching one. Never one story per field.
 */
import { FIELD_IDS, RECORD_FIELD_IDS, USAGE_FIELD_IDS } from '../../src/core/fields';
import { METRIC_IDS, SUBCOUNT_METRIC_IDS } from '../../src/core/metrics';
import { COMPARISONS, GRANULARITIES } from '../../src/core/series/types';
import { DATA_VARIANTS } from './variants';
import { CARD_STATES, WIDGET_STATES } from './WidgetStory';

const select = <T extends string>(options: readonly T[], category: string) => ({ control: { type: 'select' as const }, options: [...options], table: { category } });
const radio = <T extends string>(options: readonly T[], category: string) => ({ control: { type: 'inline-radio' as const }, options: [...options], table: { category } });

export const ARG_TYPES = {
  metric: select(METRIC_IDS, 'widget'),
  subcountMetric: select(SUBCOUNT_METRIC_IDS, 'widget'),
  field: select(FIELD_IDS, 'widget'),
  recordField: select(RECORD_FIELD_IDS, 'widget'),
  usageField: select(USAGE_FIELD_IDS, 'widget'),
  mode: radio(['delta', 'cumulative'] as const, 'widget'),
  granularity: radio(GRANULARITIES, 'dashboard'),
  comparison: radio(COMPARISONS, 'dashboard'),
  state: select(WIDGET_STATES, 'state'),
  card: radio(CARD_STATES, 'state'),
  data: select(DATA_VARIANTS, 'state'),
  narrow: { control: { type: 'boolean' as const }, table: { category: 'state' }, description: 'Draw at 360 px wide' },
};

/** The 360 px viewport registered in preview.tsx. */
export const PHONE_360 = { viewport: { value: 'phone360', isRotated: false } };
/** The 390 px viewport (a current phone; the screenshot suite's narrow width). */
export const PHONE_390 = { viewport: { value: 'phone390', isRotated: false } };

/**
 * The reader states every widget kind shows as stories, by args and globals only (each story
 * file spreads these into its own named exports): the card's ⋯ menu open, the table view, the
 * card hidden, the dark theme, a 390 px phone.
 */
export const READER_STATES = {
  menuOpen: { args: { card: 'menu open' as const } },
  tableView: { args: { card: 'table view' as const } },
  hidden: { args: { card: 'hidden' as const } },
  dark: { globals: { theme: 'dark' } },
  phone390: { name: 'Phone (390 px)', globals: PHONE_390 },
};
