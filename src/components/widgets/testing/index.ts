/**
 * Test helpers for widget views: a real i18next instance over our catalogs (ICU syntax, as the
 * dashboard uses), a real formatter, and an axe-core check.
 */
import i18next, { type I18nFormatModule } from 'i18next';
import { IntlMessageFormat } from 'intl-messageformat';
import axe from 'axe-core';
import { createFormat } from '../../../core/format/format';
import { choose } from '../../controls/testing';
import en from '../../../i18n/locales/en/widgets.json';
import fr from '../../../i18n/locales/fr/widgets.json';
import de from '../../../i18n/locales/de/widgets.json';
import es from '../../../i18n/locales/es/widgets.json';
import type { ViewCommon, WidgetT } from '../shared/types';

export const CATALOGS = { en, fr, de, es } as const;
export type TestLocale = keyof typeof CATALOGS;

/**
 * ICU message formatting for i18next. Not `i18next-icu`: under Node its default import of
 * intl-messageformat 10 (CommonJS) is not a constructor, so every message fails to parse in tests.
 */
const icu = {
  type: 'i18nFormat' as const,
  parse: (res: unknown, options: unknown, lng: unknown) =>
    new IntlMessageFormat(String(res), String(lng), undefined, { ignoreTag: true }).format(options as Record<string, string>) as string,
};

export function widgetT(locale: TestLocale): WidgetT {
  const instance = i18next.createInstance();
  void instance.use(icu as I18nFormatModule).init({
    lng: locale,
    fallbackLng: 'en',
    ns: ['widgets'],
    defaultNS: 'widgets',
    initAsync: false,
    resources: Object.fromEntries(Object.entries(CATALOGS).map(([l, c]) => [l, { widgets: c }])),
  });
  const t = instance.getFixedT(locale, 'widgets');
  return (key, options) => String(t(key, options as never));
}

export function viewCommon(locale: TestLocale = 'en'): ViewCommon {
  return { t: widgetT(locale), format: createFormat(locale) };
}

/** The axe violations in `container`, as "rule: target" strings (empty when accessible). */
export async function axeViolations(container: Element): Promise<string[]> {
  const result = await axe.run(container, { rules: { region: { enabled: false } } });
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

/** Normalises the narrow spaces Intl puts in German numbers, so tests can write plain spaces. */
export const plain = (s: string | null | undefined) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ');

/** A table's text as rows of cells (header row first), without the sort glyphs. */
export function tableRows(table: HTMLElement): string[][] {
  return [...table.querySelectorAll('tr')].map((r) =>
    [...r.querySelectorAll('th,td')].map((c) => plain(c.textContent).replace(/ ?[▲▼↕]$/, '')),
  );
}

/** Runs an action of the card's overflow menu (⋯) as a reader does: open it, click the action. */
export function cardAction(action: string, scope: ParentNode = document.body): void {
  const menus = scope.querySelectorAll<HTMLElement>('.rs-card-menu');
  if (menus.length !== 1) throw new Error(`expected one card menu in scope, found ${menus.length}`);
  choose(menus[0]!, action);
}
