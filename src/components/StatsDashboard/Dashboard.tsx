/**
 * The dashboard with its widget registry as a parameter: `StatsDashboard` passes the real
 * `WIDGETS`; tests pass small registries. Creates this instance's store, QueryClient (unless
 * the host gives one) and i18next instance — nothing module-global — so dashboards never interfere.
 */
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState, type CSSProperties } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { communitiesQuery } from '../../api/queries';
import { todayUtc } from '../../core/dates';
import { DashboardContext, type DashboardContextValue } from '../../data/context';
import { createDashboardI18n } from '../../i18n/createI18n';
import { createFormat } from '../../i18n/format';
import { createDashboardStore, type DashboardStore } from '../../state/store';
import { DEFAULT_URL_NAMESPACE, readViewParams } from '../../state/url';
import { syncStoreWithUrl } from '../../state/urlSync';
import { THEMES, themeVars, withHostColors } from '../../theme';
import type { WidgetRegistry } from '../grid/registry';
import { DashboardBody } from './DashboardBody';
import type { StatsDashboardProps } from './types';

const namespaceOf = (urlSync: StatsDashboardProps['urlSync']) =>
  !urlSync ? null : urlSync === true ? DEFAULT_URL_NAMESPACE : urlSync.namespace;

function createOwnQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } });
}

export function Dashboard(props: StatsDashboardProps & { widgets: WidgetRegistry }) {
  const { queryClient, locale = 'en' } = props;
  const namespace = namespaceOf(props.urlSync);
  const [own] = useState(() => {
    const fromUrl = namespace && typeof window !== 'undefined' ? readViewParams(new URLSearchParams(window.location.search), namespace) : {};
    return {
      store: createDashboardStore({ ...props.initialView, ...fromUrl }),
      i18n: createDashboardI18n({ locale }),
      queryClient: queryClient ? null : createOwnQueryClient(),
    };
  });
  const client = queryClient ?? own.queryClient ?? createOwnQueryClient();

  useEffect(() => {
    if (own.i18n.language !== locale) void own.i18n.changeLanguage(locale);
  }, [own.i18n, locale]);
  useEffect(() => (namespace ? syncStoreWithUrl(own.store, namespace) : undefined), [own.store, namespace]);

  return (
    <QueryClientProvider client={client}>
      <I18nextProvider i18n={own.i18n}>
        <Instance {...props} store={own.store} locale={locale} />
      </I18nextProvider>
    </QueryClientProvider>
  );
}

function Instance(props: StatsDashboardProps & { widgets: WidgetRegistry; store: DashboardStore; locale: string }) {
  const { apiBase = '/api', community = 'global', locale, theme = 'light', formatBytes = 'decimal', store, widgets, colors } = props;
  const communities = useQuery({ ...communitiesQuery(apiBase), retry: false });
  const info = communities.data?.communities.find((c) => c.id === community || c.slug === community);
  const today = props.today ?? todayUtc();
  const firstDay = info?.firstDay ?? null;
  // The `I18nextProvider` instance; re-read on language change so formats follow the locale.
  const [i18nLocale, setI18nLocale] = useState(locale);
  const i18n = useI18nInstance();
  useEffect(() => {
    const onChange = (lng: string) => setI18nLocale(lng);
    i18n.on('languageChanged', onChange);
    return () => i18n.off('languageChanged', onChange);
  }, [i18n]);

  const value = useMemo<DashboardContextValue>(
    () => ({
      store,
      apiBase,
      community,
      format: createFormat({ locale: i18nLocale, bytes: formatBytes, t: i18n.getFixedT(i18nLocale, 'dashboard') }),
      presetContext: { today, firstDay },
    }),
    [store, apiBase, community, i18nLocale, formatBytes, i18n, today, firstDay],
  );
  const style = themeVars(withHostColors(THEMES[theme], colors)) as CSSProperties;
  return (
    <DashboardContext.Provider value={value}>
      <div className={`rs-dashboard rs-theme-${theme}`} data-theme={theme} lang={i18nLocale} style={style}>
        <DashboardBody layout={props.layout} widgets={widgets} info={info} onError={props.onError} header={{ title: props.title, logo: props.logo }} />
      </div>
    </DashboardContext.Provider>
  );
}

function useI18nInstance() {
  return useTranslation('dashboard').i18n;
}
