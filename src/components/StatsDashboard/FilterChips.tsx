/**
 * The dashboard's active filters (as in Plausible), one removable chip each, under the header.
 * A filter is added by clicking a breakdown item (a bar-list row, a country on the map) and
 * applies to every widget; it lives in the store and, with `urlSync`, in the URL.
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Icon, Label } from 'semantic-ui-react';
import { useTranslation } from 'react-i18next';
import { apiQuery } from '../../api/queries';
import { QueryRequestSchema, fieldOf } from '../../api/query';
import { useDashboardContext } from '../../data/context';
import { useDashboardState } from '../../data/hooks';

export function FilterChips() {
  const { t } = useTranslation(['dashboard', 'widgets']);
  const { format, apiBase, community } = useDashboardContext();
  const filters = useDashboardState((s) => s.filters);
  const removeFilter = useDashboardState((s) => s.removeFilter);
  // The chips' item names: the query API labels the items a query's filters name (a filter read
  // from the URL names an affiliation or a subject by its id alone). A usage metric, because every
  // field filters usage, while countries and referrers cannot filter a record metric.
  const named = useMemo(() => QueryRequestSchema.parse({ community, metrics: ['views'], date_range: 'all', filters }), [community, filters]);
  const labels = useQuery({ ...apiQuery(apiBase, named), enabled: filters.length > 0 }).data?.meta.labels ?? {};
  if (filters.length === 0) return null;
  return (
    <ul className="rs-filter-chips" aria-label={t('dashboard:filters.label')}>
      {filters.map(([op, ref, values], i) => {
        const field = fieldOf(ref);
        const text = t(op === 'is' ? 'dashboard:filters.is' : 'dashboard:filters.isNot', {
          field: t(`widgets:fields.${field}`),
          item: values.map((id) => format.item(field, { id, labels: labels[id] ?? {} })).join(', '),
        });
        return (
          <li key={`${op} ${ref} ${values.join(',')}`}>
            <Label as="span" size="small">
              {text}
              <Icon name="delete" role="button" tabIndex={0} aria-label={t('dashboard:filters.remove', { filter: text })} title={t('dashboard:filters.remove', { filter: text })}
                onClick={() => removeFilter(i)}
                onKeyDown={(e: React.KeyboardEvent) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), removeFilter(i))} />
            </Label>
          </li>
        );
      })}
    </ul>
  );
}
