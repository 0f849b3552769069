/** Everything inside one dashboard's providers: layout states, status, controls, tabs and grid. */
import { Button, Message } from 'semantic-ui-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Community } from '../../api/schemas';
import { useDashboardContext } from '../../data/context';
import { useDashboardState } from '../../data/hooks';
import type { Label } from '../../layout/schema';
import { Controls } from '../controls/Controls';
import { Grid } from '../grid/Grid';
import type { WidgetRegistry } from '../grid/registry';
import { Tabs } from '../grid/Tabs';
import { LayoutErrorPanel } from '../LayoutErrorPanel/LayoutErrorPanel';
import { DashboardHeader } from './DashboardHeader';
import { FilterChips } from './FilterChips';
import { StatusBar } from './StatusBar';
import { useResolvedLayout } from './useResolvedLayout';

export interface DashboardBodyProps {
  layout: unknown;
  widgets: WidgetRegistry;
  info: Community | undefined;
  onError?: (error: Error) => void;
  /** Host overrides for the header (title, logo). */
  header?: { title?: string; logo?: string };
}

export function DashboardBody({ layout, widgets, info, onError, header }: DashboardBodyProps) {
  const { t } = useTranslation('dashboard');
  const { apiBase, community, format } = useDashboardContext();
  const resolved = useResolvedLayout({ layout, apiBase, community });
  const activeTab = useDashboardState((s) => s.tab);
  const setTab = useDashboardState((s) => s.setTab);

  const problem = resolved.status === 'error' ? resolved.error : resolved.status === 'invalid' ? new Error(resolved.issues.map((i) => `${i.path}: ${i.message}`).join('; ')) : null;
  useEffect(() => {
    if (problem) onError?.(problem);
    // Report once per distinct problem, not on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [problem?.message]);

  if (info && !info.enabled) return <Message info role="status" content={t('states.disabled')} />;
  switch (resolved.status) {
    case 'pending':
      return <div className="rs-skeleton rs-layout-skeleton" aria-busy="true">{t('states.layoutLoading')}</div>;
    case 'error':
      return (
        <Message negative role="alert" className="rs-layout-error">
          <p>{t('states.layoutFailed', { message: resolved.error.message })}</p>
          <Button type="button" basic size="small" compact onClick={resolved.retry}>
            {t('states.retry')}
          </Button>
        </Message>
      );
    case 'invalid':
      return <LayoutErrorPanel issues={resolved.issues} />;
    case 'ready': {
      const tabs = resolved.layout.tabs;
      const index = Math.max(0, tabs.findIndex((tab) => tab.id === activeTab));
      const tab = tabs[index];
      const label = (l: Label) => (typeof l === 'string' ? t(l, { defaultValue: l }) : format.label(l));
      return (
        <>
          <DashboardHeader info={info} title={header?.title} logo={header?.logo} />
          <FilterChips />
          <StatusBar info={info} />
          <Controls layout={resolved.layout} />
          <Tabs label={t('tabs.label')} tabs={tabs.map((x) => ({ id: x.id, label: label(x.label), icon: x.icon }))} active={tab?.id ?? ''} onSelect={setTab}>
            {tab && <Grid key={tab.id} tab={tab} tabIndex={index} registry={widgets} unknownWidgets={resolved.unknownWidgets} onError={onError} />}
          </Tabs>
        </>
      );
    }
  }
}
