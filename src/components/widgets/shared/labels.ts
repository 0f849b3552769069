/** Small pure helpers the widgets share for turning ids and labels into reader text. */
import { METRICS, type MetricId } from '../../../core/metrics';
import { safeHref } from '../../../core/safeUrl';
import type { Label } from '../../../layout/schema';
import type { Format, WidgetT } from './types';

/** Exact value in the metric's unit (bytes for volumes). */
export function metricValue(format: Format, metric: MetricId): (n: number) => string {
  return METRICS[metric].unit === 'bytes' ? format.bytes : format.number;
}

/** Short value in the metric's unit, for axes and big numbers. */
export function metricCompact(format: Format, metric: MetricId): (n: number) => string {
  return METRICS[metric].unit === 'bytes' ? format.bytes : format.compact;
}

export function metricName(t: WidgetT, metric: MetricId): string {
  return t(`metrics.${metric}`);
}

/**
 * A layout label: `{en, fr}` picks the locale's text; a string is an i18n key when the catalog
 * has it, else shown as written.
 */
export function layoutLabel(label: Label | undefined, { t, format }: { t: WidgetT; format: Format }): string | undefined {
  if (label === undefined) return undefined;
  if (typeof label === 'string') return t(label, { defaultValue: label });
  return format.label(label);
}

/**
 * Fills `{id}` and `{field}` in a host URL template, encoded; undefined when the result is not an
 * http(s) or relative URL (a layout that skipped validation), so no `javascript:` href is rendered.
 */
export function fillUrl(template: string, values: Record<string, string>): string | undefined {
  return safeHref(template.replace(/\{(\w+)\}/g, (m, key: string) => (key in values ? encodeURIComponent(values[key]!) : m)));
}

/** A file-name-safe slug of a widget title for exports. */
export function fileSlug(title: string): string {
  return (
    title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'widget'
  );
}
