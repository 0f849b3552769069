/**
 * repostats — the public API, listed by name. Importing this module touches no `window` or
 * `document` (SSR-safe); the stylesheet is separate: `import 'repostats/style.css'`.
 */
import './styles/dashboard.css';
import './styles/semantic-theme.css';

// The component and its mount for non-React pages
export { StatsDashboard } from './components/StatsDashboard/StatsDashboard';
export type { StatsDashboardProps } from './components/StatsDashboard/types';
export { mountStatsDashboard } from './mount';
export type { MountedDashboard } from './mount';

// Layout: schema, defaults, overrides, validation, JSON Schema
export { LayoutSchema, WidgetSchema, TabSchema, RowSchema, LabelSchema } from './layout/schema';
export type { Layout, LayoutInput, Tab, WidgetConfig, WidgetType, WidgetOf, Label } from './layout/schema';
export { defaultLayout, defaultCommunityLayout, defaultLayoutFor } from './layout/defaults';
export { mergeLayout, isLayoutPatch, LayoutPatchSchema, LayoutOverrideSchema } from './layout/merge';
export type { LayoutPatch, LayoutOverride } from './layout/merge';
export { validateLayout, LayoutError, WIDGET_TYPES } from './layout/validate';
export type { LayoutIssue, LayoutValidation, UnknownWidget } from './layout/validate';
export { layoutJsonSchema } from './layout/jsonSchema';

// Data hooks for custom widgets inside a dashboard
export { useSeries, useTopRecords, useFormat, useDashboardState, useEffectiveRange, useWidgetT } from './data/hooks';
export type { Loadable } from './data/hooks';

// API: typed errors, query option factories, response schemas
export { ApiError, apiUrl } from './api/client';
export { apiQuery, apiQueryKey, topRecordsQuery, communitiesQuery, layoutQuery, statusQuery } from './api/queries';
export { widgetQuery, queryModeFor } from './api/widgetQuery';
export type { WidgetQuerySpec } from './api/widgetQuery';
export { QueryRequestSchema, QueryResponseSchema } from './api/query';
export type { QueryRequest, QueryRequestInput, QueryResponse, QueryFilter } from './api/query';
export { SeriesBundleSchema, CommunitiesResponseSchema, TopRecordsResponseSchema, ErrorBodySchema } from './api/schemas';
export type { SeriesBundle, Community, TopRecordsResponse, ErrorBody, Labels } from './api/schemas';

// State
export { createDashboardStore, DEFAULT_VIEW } from './state/store';
export type { DashboardView, DashboardState, DashboardStore, RangeChoice } from './state/store';
export { readViewParams, writeViewParams } from './state/url';

// i18n and formatting
export { createDashboardI18n, LOCALES } from './i18n/createI18n';
export { createFormat } from './i18n/format';
export type { Format, BytesMode } from './i18n/format';

// Pure series transforms and registries
export { seriesFromQuery } from './core/series/fromQuery';
export { summarize, alignComparison } from './core/series/comparison';
export { resolvePreset, PRESET_IDS, PRESETS_BY_GRANULARITY } from './core/series/presets';
export type { PresetId } from './core/series/presets';
export { snapRange, periodsIn, periodStart, periodEnd, yearsIn } from './core/dates';
export { GRANULARITIES, COMPARISONS } from './core/series/types';
export type { WidgetSeries, SeriesRequest, SeriesItem, Granularity, Comparison, DateRange } from './core/series/types';
export { FIELDS, FIELD_IDS } from './core/fields';
export type { FieldId } from './core/fields';
export { METRICS, METRIC_IDS, CATEGORIES, BASES, categoryFor } from './core/metrics';
export type { MetricId, Mode, Category, Basis } from './core/metrics';
export { THEMES } from './theme';
export type { ThemeName, ThemeTokens } from './theme';
