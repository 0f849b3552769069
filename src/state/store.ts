/**
 * The per-dashboard store (zustand vanilla, one per mounted dashboard, passed by context).
 * Holds only choices the reader makes; the effective date range is derived from them
 * (`effectiveRange`), never stored.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { DEFAULT_PRESET, PRESETS_BY_GRANULARITY, type PresetId } from '../core/series/presets';
import type { Comparison, DateRange, Granularity } from '../core/series/types';
import type { Basis } from '../core/metrics';
import type { FieldId } from '../core/fields';
import type { QueryFilter } from '../api/query';
import { DEFAULT_VIEW } from './defaults';

/** A preset (relative to today) or a fixed range. */
export type RangeChoice = { kind: 'preset'; preset: PresetId } | { kind: 'custom'; start: string; end: string };

export interface DashboardView {
  range: RangeChoice;
  granularity: Granularity;
  basis: Basis;
  comparison: Comparison;
  /** The active tab's id (null: the layout's first tab). */
  tab: string | null;
  /** Per-widget view choices keyed by widget id (e.g. `{'top-funders': 'pie'}`). */
  views: Record<string, string>;
  /** Filters every widget applies (as in Plausible): `["is", "field:countries", ["DE"]]`. */
  filters: QueryFilter[];
}

export interface DashboardActions {
  setRange(range: RangeChoice): void;
  /** Switching granularity keeps a custom range; a preset not offered for it falls back to a default one. */
  setGranularity(granularity: Granularity): void;
  setBasis(basis: Basis): void;
  setComparison(comparison: Comparison): void;
  setTab(tab: string): void;
  setView(widgetId: string, view: string): void;
  /** Adds an `is` filter on an item (a click on a breakdown row, a slice, a country); no duplicate. */
  addFilter(field: FieldId, item: string): void;
  /** Removes the filter at `index` of `filters`. */
  removeFilter(index: number): void;
  /** Replaces the whole view (URL restore, back/forward). */
  restore(view: Partial<DashboardView>): void;
}

export type DashboardState = DashboardView & DashboardActions;
export type DashboardStore = StoreApi<DashboardState>;

export { DEFAULT_VIEW };

/**
 * @example
 * const store = createDashboardStore({ granularity: 'week' });
 * store.getState().setBasis('published');
 */
export function createDashboardStore(initial: Partial<DashboardView> = {}): DashboardStore {
  return createStore<DashboardState>()((set) => ({
    ...DEFAULT_VIEW,
    ...initial,
    setRange: (range) => set({ range }),
    setGranularity: (granularity) =>
      set((s) => {
        const offered = (PRESETS_BY_GRANULARITY[granularity] as readonly PresetId[]).includes(s.range.kind === 'preset' ? s.range.preset : 'all-time');
        const range: RangeChoice = s.range.kind === 'preset' && !offered ? { kind: 'preset', preset: DEFAULT_PRESET[granularity] } : s.range;
        return { granularity, range };
      }),
    setBasis: (basis) => set({ basis }),
    setComparison: (comparison) => set({ comparison }),
    setTab: (tab) => set({ tab }),
    setView: (widgetId, view) => set((s) => ({ views: { ...s.views, [widgetId]: view } })),
    addFilter: (field, item) =>
      set((s) =>
        s.filters.some(([op, ref, values]) => op === 'is' && ref === `field:${field}` && values.includes(item))
          ? s
          : { filters: [...s.filters, ['is', `field:${field}`, [item]]] },
      ),
    removeFilter: (index) => set((s) => ({ filters: s.filters.filter((_, i) => i !== index) })),
    restore: (view) => set({ ...DEFAULT_VIEW, ...view }),
  }));
}

export type { DateRange };
