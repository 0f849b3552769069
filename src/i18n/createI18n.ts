/**
 * One i18next instance per mounted dashboard (never the global `i18next`), so two dashboards in
 * two languages coexist. Messages are ICU MessageFormat (plurals: `{count, plural, one {…} other {…}}`,
 * variables: `{name}`); the i18next-style `{{name}}` is accepted too and read as `{name}`, so
 * catalogs written either way work.
 */
import i18next, { type i18n } from 'i18next';
import deDashboard from './locales/de/dashboard.json';
import deWidgets from './locales/de/widgets.json';
import enDashboard from './locales/en/dashboard.json';
import enWidgets from './locales/en/widgets.json';
import esDashboard from './locales/es/dashboard.json';
import esWidgets from './locales/es/widgets.json';
import frDashboard from './locales/fr/dashboard.json';
import frWidgets from './locales/fr/widgets.json';
import { IcuFormat } from './icuFormat';

export const LOCALES = ['en', 'fr', 'de', 'es'] as const;
export type Locale = (typeof LOCALES)[number];
export const NAMESPACES = ['dashboard', 'widgets'] as const;

export const RESOURCES = {
  en: { dashboard: enDashboard, widgets: enWidgets },
  fr: { dashboard: frDashboard, widgets: frWidgets },
  de: { dashboard: deDashboard, widgets: deWidgets },
  es: { dashboard: esDashboard, widgets: esWidgets },
} as const;

export interface CreateI18nOptions {
  /** A BCP 47 tag (`fr`, `pt-BR`); languages without a catalog fall back to English. */
  locale?: string;
  /** Extra resources a host adds or overrides, by language and namespace. */
  resources?: Record<string, Record<string, Record<string, unknown>>>;
}

export function createDashboardI18n({ locale = 'en', resources }: CreateI18nOptions = {}): i18n {
  const instance = i18next.createInstance();
  const merged: Record<string, Record<string, unknown>> = { ...RESOURCES };
  for (const [lng, namespaces] of Object.entries(resources ?? {})) {
    merged[lng] = { ...(merged[lng] ?? {}), ...namespaces };
  }
  void instance.use(new IcuFormat() as never).init({
    lng: locale,
    fallbackLng: 'en',
    ns: [...NAMESPACES],
    defaultNS: 'dashboard',
    resources: merged as never,
    initAsync: false,
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
    showSupportNotice: false,
  } as never);
  return instance;
}
