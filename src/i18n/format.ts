/**
 * Locale-aware formatting for one dashboard: numbers, compact numbers, bytes (decimal kB/MB or
 * binary KiB/MiB), percentages, period labels per granularity, country names (Intl.DisplayNames)
 * and multilingual labels. Built once per (locale, bytes mode) and memoised by the hook.
 */
import type { TFunction } from 'i18next';
import type { Labels } from '../api/schemas';
import { createFormat as createCoreFormat, type Format as CoreFormat } from '../core/format/format';
import type { Granularity } from '../core/series/types';

export type BytesMode = 'decimal' | 'binary';

/** The shape widgets receive (`src/core/format/format.ts`), plus binary bytes and i18n-aware period labels. */
export interface Format extends CoreFormat {
  number(value: number): string;
  compact(value: number): string;
  bytes(value: number): string;
  percent(fraction: number): string;
  /** A period's label: `12 Mar 2024`, `Week of …`, `Mar 2024`, `Q1 2024`, `2024`. */
  date(day: string, granularity?: Granularity): string;
  /** A country's name from its ISO alpha-2 code (the code itself when unknown). */
  country(code: string): string;
  /** The best label for this locale: exact tag, its language, English, then any. */
  label(labels: Labels | string): string;
}

const BINARY = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const;

export function createFormat({ locale, bytes = 'decimal', t }: { locale: string; bytes?: BytesMode; t: TFunction }): Format {
  // Numbers, compact numbers, percentages and decimal bytes are the widgets' own formatter's.
  const core = createCoreFormat(locale);
  const oneDecimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  const month = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  const year = new Intl.DateTimeFormat(locale, { year: 'numeric', timeZone: 'UTC' });
  let countries: Intl.DisplayNames | null = null;
  try {
    countries = new Intl.DisplayNames([locale], { type: 'region' });
  } catch {
    countries = null; // runtimes without DisplayNames show codes
  }
  const language = locale.split('-')[0] ?? locale;
  const asDate = (d: string) => new Date(`${d}T00:00:00Z`);

  return {
    number: core.number,
    compact: core.compact,
    percent: core.percent,
    item: core.item,
    bytes(v) {
      if (bytes === 'decimal') return core.bytes(v);
      let unit = 0;
      let scaled = Math.abs(v);
      while (scaled >= 1024 && unit < BINARY.length - 1) {
        scaled /= 1024;
        unit++;
      }
      return `${oneDecimal.format(v < 0 ? -scaled : scaled)} ${BINARY[unit]}`;
    },
    date(d, granularity = 'day') {
      const date = asDate(d);
      switch (granularity) {
        case 'day':
          return day.format(date);
        case 'week':
          return t('format.week', { ns: 'dashboard', date: day.format(date) });
        case 'month':
          return month.format(date);
        case 'quarter':
          return t('format.quarter', { ns: 'dashboard', quarter: Math.floor(date.getUTCMonth() / 3) + 1, year: year.format(date) });
        case 'year':
          return year.format(date);
      }
    },
    country(code) {
      try {
        return countries?.of(code.toUpperCase()) ?? code;
      } catch {
        return code;
      }
    },
    label(labels) {
      if (typeof labels === 'string') return labels;
      return labels[locale] ?? labels[language] ?? labels.en ?? Object.values(labels)[0] ?? '';
    },
  };
}
