/** The dashboard's control bar: range, granularity, date basis, comparison and export. */
import { useTranslation } from 'react-i18next';
import { BASES, type Basis } from '../../core/metrics';
import { COMPARISONS, GRANULARITIES, type Comparison, type Granularity } from '../../core/series/types';
import { useDashboardState } from '../../data/hooks';
import type { Layout } from '../../layout/schema';
import { ExportControl } from './ExportControl';
import { RangeControl } from './RangeControl';
import { SelectControl } from './SelectControl';

export function Controls({ layout }: { layout: Layout }) {
  const { t } = useTranslation('dashboard');
  const granularity = useDashboardState((s) => s.granularity);
  const basis = useDashboardState((s) => s.basis);
  const comparison = useDashboardState((s) => s.comparison);
  const setGranularity = useDashboardState((s) => s.setGranularity);
  const setBasis = useDashboardState((s) => s.setBasis);
  const setComparison = useDashboardState((s) => s.setComparison);
  return (
    <div className="rs-controls" role="group" aria-label={t('controls.region')}>
      <RangeControl />
      <SelectControl<Granularity>
        label={t('controls.granularity.label')}
        value={granularity}
        options={GRANULARITIES.map((g) => ({ value: g, label: t(`controls.granularity.${g}`) }))}
        onChange={setGranularity}
      />
      <SelectControl<Basis>
        label={t('controls.basis.label')}
        value={basis}
        options={BASES.map((b) => ({ value: b, label: t(`controls.basis.${b}`) }))}
        onChange={setBasis}
      />
      <SelectControl<Comparison>
        label={t('controls.comparison.label')}
        value={comparison}
        options={COMPARISONS.map((c) => ({ value: c, label: t(`controls.comparison.${c}`) }))}
        onChange={setComparison}
      />
      <ExportControl layout={layout} />
    </div>
  );
}
