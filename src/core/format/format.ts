/**
 * Locale-aware formatting with `Intl` only: the shape `useFormat()` returns, usable without React
 * (tests, stories, exports). Widgets receive an object of this shape and never format by hand.
 */
import type { FieldId } from '../fields';
import type { Granularity } from '../series/types';
import { createItemNamer, type NamedItem } from '../vocabularies';

export interface Format {
  /** Exact, grouped: 1234567 → "1,234,567" (en) / "1.234.567" (de). */
  number(n: number): string;
  /** Short: 1234567 → "1.2M" (en) / "1,2 Mio." (de). */
  compact(n: number): string;
  /** Bytes with decimal units: 1500000 → "1.5 MB". */
  bytes(n: number): string;
  /** A fraction as a percentage: 0.253 → "25.3%" (en) / "25,3 %" (de). */
  percent(fraction: number): string;
  /** The period starting on `day`, labelled for its granularity (a month as "Jan 2024"). */
  date(day: string, granularity: Granularity): string;
  /** ISO alpha-2 → the country's name in the locale. */
  country(code: string): string;
  /** Picks the locale's label from `{en: …, fr: …}`, falling back to English, then any. */
  label(labels: Record<string, string>): string;
  /** A subcount item's name for a reader: its label, the shipped vocabulary, Intl, or the humanised id (`core/vocabularies`). */
  item(field: FieldId | string, item: NamedItem): string;
}

const BYTE_UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte', 'petabyte'] as const;

export function createFormat(locale: string): Format {
  const exact = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const compact = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const regions = typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames([locale], { type: 'region' }) : null;
  const dateFormats: Record<Granularity, Intl.DateTimeFormatOptions> = {
    day: { day: 'numeric', month: 'short', year: 'numeric' },
    week: { day: 'numeric', month: 'short', year: 'numeric' },
    month: { month: 'short', year: 'numeric' },
    quarter: { month: 'short', year: 'numeric' },
    year: { year: 'numeric' },
  };
  const dates = Object.fromEntries(
    Object.entries(dateFormats).map(([g, o]) => [g, new Intl.DateTimeFormat(locale, { ...o, timeZone: 'UTC' })]),
  ) as Record<Granularity, Intl.DateTimeFormat>;
  const language = locale.split('-')[0]!;
  const item = createItemNamer(locale);

  return {
    number: (n) => exact.format(n),
    compact: (n) => compact.format(n),
    percent: (f) => percent.format(f),
    bytes(n) {
      let unit = 0;
      let v = Math.abs(n);
      while (v >= 1000 && unit < BYTE_UNITS.length - 1) {
        v /= 1000;
        unit++;
      }
      // Plain bytes read better long ("0 bytes", not the short form's "0 byte"); larger units short ("5 kB").
      const unitDisplay = unit === 0 ? 'long' : 'short';
      const f = new Intl.NumberFormat(locale, { style: 'unit', unit: BYTE_UNITS[unit], unitDisplay, maximumFractionDigits: 1 });
      return f.format(Math.sign(n) * v);
    },
    date(day, granularity) {
      const d = new Date(`${day}T00:00:00Z`);
      if (granularity === 'quarter') return `Q${Math.floor(d.getUTCMonth() / 3) + 1} ${d.getUTCFullYear()}`;
      return dates[granularity].format(d);
    },
    country(code) {
      try {
        return regions?.of(code.toUpperCase()) ?? code;
      } catch {
        return code;
      }
    },
    label(labels) {
      return labels[locale] ?? labels[language] ?? labels.en ?? Object.values(labels)[0] ?? '';
    },
    item,
  };
}
