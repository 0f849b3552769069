/**
 * "Aggregation in progress" (from GET /status, optional: a server without it just shows no
 * banner) and "not aggregated yet". "Data as of …" is in the header (DashboardHeader).
 */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
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
      {running && <p className="rs-banner rs-banner-info">{t('states.aggregating')}</p>}
      {info && info.lastDay === null && !running && <p className="rs-banner">{t('states.notAggregated')}</p>}
    </div>
  );
}
