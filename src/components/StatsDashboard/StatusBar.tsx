/**
 * "Aggregation in progress" (from GET /status, optional: a server without it just shows no
 * banner) and "not aggregated yet". "Data as of …" is in the header (DashboardHeader).
 */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Message } from 'semantic-ui-react';
import { statusQuery } from '../../api/queries';
import type { Community } from '../../api/schemas';
import { useDashboardContext } from '../../data/context';

export function StatusBar({ info }: { info: Community | undefined }) {
  const { t } = useTranslation('dashboard');
  const { apiBase } = useDashboardContext();
  const status = useQuery(statusQuery(apiBase));
  const running = status.data?.aggregation?.running === true;
  return (
    <div className="rs-status" role="status">
      {running && <Message info size="small" content={t('states.aggregating')} />}
      {info && info.lastDay === null && !running && <Message warning size="small" content={t('states.notAggregated')} />}
    </div>
  );
}
