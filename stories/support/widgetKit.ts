/**
 * What a presentational widget view needs besides its data (`t` and `format`), for the toolbar's
 * language: the dashboard's own i18next factory (ICU messages, shipped catalogs) and the real
 * formatter. One kit per language, made on first use.
 */
import { createFormat } from '../../src/core/format/format';
import { createDashboardI18n } from '../../src/i18n/createI18n';
import type { ViewCommon } from '../../src/components/widgets/shared/types';
import type { StorybookLocale } from './globals';

const kits = new Map<StorybookLocale, ViewCommon>();

export function widgetKit(locale: StorybookLocale): ViewCommon {
  let kit = kits.get(locale);
  if (!kit) {
    const t = createDashboardI18n({ locale }).getFixedT(locale, 'widgets');
    kit = { t: (key, options) => String(t(key, options as never)), format: createFormat(locale) };
    kits.set(locale, kit);
  }
  return kit;
}
