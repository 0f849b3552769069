/**
 * The dashboard's active filters (as in Plausible), one removable chip each, under the header.
 * A filter is added by clicking a breakdown item (a bar-list row, a country on the map) and
 * applies to every widget; it lives in the store and, with `urlSync`, in the URL.
 */
import { Icon, Label } from 'semantic-ui-react';
import { useTranslation } from 'react-i18next';
import { fieldOf } from '../../api/query';
import { useDashboardContext } from '../../data/context';
import { useDashboardState } from '../../data/hooks';

export function FilterChips() {
  const { t } = useTranslation(['dashboard', 'widgets']);
  const { format } = useDashboardContext();
  const filters = useDashboardState((s) => s.filters);
  const removeFilter = useDashboardState((s) => s.removeFilter);
  if (filters.length === 0) return null;
  return (
    <ul className="rs-filter-chips" aria-label={t('dashboard:filters.label')}>
      {filters.map(([op, ref, values], i) => {
        const field = fieldOf(ref);
        const text = t(op === 'is' ? 'dashboard:filters.is' : 'dashboard:filters.isNot', {
          field: t(`widgets:fields.${field}`),
          item: values.map((id) => format.item(field, { id, labels: {} })).join(', '),
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
