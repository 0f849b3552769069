/**
 * URL query sync: the view encoded as query parameters under a namespace prefix, so a shared link
 * reproduces the view and two dashboards on one page keep separate parameters
 * (`?rs.range=last-12-months&rs.g=month&other.g=week`); filters are repeated `rs.f=is:countries:DE`. Unknown or invalid values are ignored,
 * never fatal: a hand-edited link still opens.
 */
import { fieldOf, type QueryFilter } from '../api/query';
import { isDay } from '../core/dates';
import { FIELD_IDS, type FieldId } from '../core/fields';
import { BASES, type Basis } from '../core/metrics';
import { PRESET_IDS, type PresetId } from '../core/series/presets';
import { COMPARISONS, GRANULARITIES, type Comparison, type Granularity } from '../core/series/types';
import { DEFAULT_VIEW, type DashboardView, type RangeChoice } from './store';

export const DEFAULT_URL_NAMESPACE = 'rs';

const oneOf = <T extends string>(list: readonly T[], value: string | null): T | undefined =>
  value !== null && (list as readonly string[]).includes(value) ? (value as T) : undefined;

/** A filter as `is:countries:DE,FR` (each item id URI-encoded, so ids may hold `:` or `,`). */
function encodeFilter([op, ref, values]: QueryFilter): string {
  return `${op}:${fieldOf(ref)}:${values.map(encodeURIComponent).join(',')}`;
}

function decodeFilter(text: string): QueryFilter[] | null {
  const m = text.match(/^(is|is_not):([a-z_]+):(.+)$/);
  const field = m && oneOf<FieldId>(FIELD_IDS, m[2] as string);
  if (!m || !field) return null;
  try {
    const values = (m[3] as string).split(',').map(decodeURIComponent).filter((v) => v !== '');
    return values.length > 0 ? [[m[1] as QueryFilter[0], `field:${field}`, values]] : null;
  } catch {
    return null;
  }
}

/** Writes the view into `params` (only what differs from the default), replacing this namespace's keys. */
export function writeViewParams(params: URLSearchParams, view: DashboardView, namespace = DEFAULT_URL_NAMESPACE): URLSearchParams {
  const out = new URLSearchParams(params);
  for (const key of [...out.keys()]) if (key.startsWith(`${namespace}.`)) out.delete(key);
  const put = (key: string, value: string) => out.set(`${namespace}.${key}`, value);
  const d = DEFAULT_VIEW;
  if (view.range.kind === 'custom') put('range', `${view.range.start}..${view.range.end}`);
  else if (d.range.kind !== 'preset' || view.range.preset !== d.range.preset) put('range', view.range.preset);
  if (view.granularity !== d.granularity) put('g', view.granularity);
  if (view.basis !== d.basis) put('basis', view.basis);
  if (view.comparison !== d.comparison) put('cmp', view.comparison);
  if (view.tab) put('tab', view.tab);
  for (const [widget, choice] of Object.entries(view.views).sort()) put(`v.${widget}`, choice);
  for (const filter of view.filters) out.append(`${namespace}.f`, encodeFilter(filter));
  return out;
}

/** Reads this namespace's view parameters; absent or invalid ones are left out. */
export function readViewParams(params: URLSearchParams, namespace = DEFAULT_URL_NAMESPACE): Partial<DashboardView> {
  const get = (key: string) => params.get(`${namespace}.${key}`);
  const view: Partial<DashboardView> = {};
  const range = get('range');
  const custom = range?.match(/^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/);
  if (custom && isDay(custom[1] as string) && isDay(custom[2] as string) && (custom[1] as string) <= (custom[2] as string)) {
    view.range = { kind: 'custom', start: custom[1] as string, end: custom[2] as string } satisfies RangeChoice;
  } else {
    const preset = oneOf<PresetId>(PRESET_IDS, range);
    if (preset) view.range = { kind: 'preset', preset };
  }
  const granularity = oneOf<Granularity>(GRANULARITIES, get('g'));
  if (granularity) view.granularity = granularity;
  const basis = oneOf<Basis>(BASES, get('basis'));
  if (basis) view.basis = basis;
  const comparison = oneOf<Comparison>(COMPARISONS, get('cmp'));
  if (comparison) view.comparison = comparison;
  const tab = get('tab');
  if (tab && /^[a-z0-9-_]+$/i.test(tab)) view.tab = tab;
  const views: Record<string, string> = {};
  for (const [key, value] of params) {
    if (key.startsWith(`${namespace}.v.`) && /^[a-z]+$/.test(value)) views[key.slice(namespace.length + 3)] = value;
  }
  if (Object.keys(views).length > 0) view.views = views;
  const filters = params.getAll(`${namespace}.f`).flatMap((text) => decodeFilter(text) ?? []);
  if (filters.length > 0) view.filters = filters;
  return view;
}
