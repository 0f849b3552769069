/**
 * The dashboard's header: which community it shows (its title, or the host's), an optional logo,
 * the date range in words, and the one "Data as of …" line for the whole dashboard.
 */
import { useTranslation } from 'react-i18next';
import type { Community } from '../../api/schemas';
import { GLOBAL } from '../../core/kinds';
import { useDashboardContext } from '../../data/context';
import { useShownRange } from '../../data/hooks';

export interface DashboardHeaderProps {
  info: Community | undefined;
  title?: string;
  logo?: string;
}

export function DashboardHeader({ info, title, logo }: DashboardHeaderProps) {
  const { t } = useTranslation('dashboard');
  const { community, format } = useDashboardContext();
  const range = useShownRange();
  const name = title ?? info?.title ?? (community === GLOBAL ? t('header.global') : (info?.slug ?? community));
  return (
    <header className="rs-header">
      {logo && <img className="rs-header-logo" src={logo} alt="" />}
      <div>
        <h2 className="rs-header-title">{name}</h2>
        <p className="rs-header-meta">
          <span aria-live="polite">{t('header.range', { start: format.date(range.start, 'day'), end: format.date(range.end, 'day') })}</span>
          {info?.lastDay && <span className="rs-data-as-of">{t('states.dataAsOf', { date: format.date(info.lastDay, 'day') })}</span>}
        </p>
      </div>
    </header>
  );
}
