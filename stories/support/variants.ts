/**
 * Series transforms for the stressful states designers must see: huge numbers, long labels,
 * right-to-left labels of a realistic length. Applied on top of a real demo series.
 */
import { METRICS } from '../../src/core/metrics';
import type { ComparedValues, WidgetSeries } from '../../src/core/series/types';

const scale = (values: number[], factor: number) => values.map((v) => Math.round(v * factor));

/** An item (or Other) scaled, its comparison with it. */
function scaled<T extends ComparedValues & { comparison?: ComparedValues }>(item: T, factor: number): T {
  const figures = (c: ComparedValues) => ({ values: scale(c.values, factor), summary: Math.round(c.summary * factor) });
  return { ...item, ...figures(item), ...(item.comparison ? { comparison: figures(item.comparison) } : {}) };
}

/**
 * Every figure scaled so the total reaches the largest a real repository could report: about a
 * quadrillion for counts, over an exabyte for bytes.
 */
export function withHugeNumbers(series: WidgetSeries): WidgetSeries {
  const target = METRICS[series.metric].unit === 'bytes' ? 1.234e18 : 987_654_321_098_765;
  const factor = series.summary > 0 ? target / series.summary : 1;
  return {
    ...series,
    values: scale(series.values, factor),
    summary: Math.round(series.summary * factor),
    comparison: series.comparison && { ...series.comparison, values: scale(series.comparison.values, factor), summary: Math.round(series.comparison.summary * factor) },
    breakdown: series.breakdown && {
      ...series.breakdown,
      items: series.breakdown.items.map((item) => scaled(item, factor)),
      other: scaled(series.breakdown.other, factor),
    },
  };
}

export const LONG_LABELS = [
  'Deutsche Forschungsgemeinschaft – Sonderforschungsbereich 1234: Interdisziplinäre Grundlagenforschung zur Datenverarbeitung',
  'European Commission Horizon 2020 Framework Programme for Research and Innovation (2014–2020), Marie Skłodowska-Curie Actions',
  'Creative Commons Attribution-NonCommercial-ShareAlike 4.0 International Public License',
  'Supercalifragilisticexpialidociousunbrokenidentifierwithoutanyspacesatall_v2_final_FINAL',
];

/** Arabic and Hebrew labels as long as real funder and journal names. */
export const RTL_LABELS = [
  'المؤسسة الوطنية للبحث العلمي والابتكار التكنولوجي في المملكة',
  'האוניברסיטה העברית בירושלים – הפקולטה למדעי הטבע והמתמטיקה',
  'مجلة الجمعية العربية لعلوم المكتبات والمعلومات والأرشيف',
  'המכון הלאומי לחקר המדיניות הכלכלית והחברתית',
];

function relabel(series: WidgetSeries, labels: string[]): WidgetSeries {
  if (!series.breakdown) return series;
  return {
    ...series,
    breakdown: {
      ...series.breakdown,
      items: series.breakdown.items.map((item, i) => {
        const label = labels[i % labels.length] ?? item.id;
        return { ...item, labels: { en: label, fr: label, de: label, es: label } };
      }),
    },
  };
}

export const withLongLabels = (series: WidgetSeries) => relabel(series, LONG_LABELS);
export const withRtlLabels = (series: WidgetSeries) => relabel(series, RTL_LABELS);

/** A series with nothing in it: what a brand-new community shows. */
export function emptied(series: WidgetSeries): WidgetSeries {
  return {
    ...series,
    values: series.values.map(() => 0),
    summary: 0,
    comparison: null,
    breakdown: series.breakdown && { ...series.breakdown, items: [], other: { values: series.values.map(() => 0), summary: 0, items: 0 } },
  };
}

export const DATA_VARIANTS = ['demo data', 'huge numbers', 'long labels', 'RTL-length labels'] as const;
export type DataVariant = (typeof DATA_VARIANTS)[number];

export function applyVariant(series: WidgetSeries, variant: DataVariant): WidgetSeries {
  switch (variant) {
    case 'demo data':
      return series;
    case 'huge numbers':
      return withHugeNumbers(series);
    case 'long labels':
      return withLongLabels(series);
    case 'RTL-length labels':
      return withRtlLabels(series);
  }
}
