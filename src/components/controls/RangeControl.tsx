/**
 * Date range: the presets offered for the granularity, or a custom range typed or picked in two
 * native date inputs (keyboard-operable, with the browser's calendar). The effective, snapped
 * range is stated in words in the dashboard's header (DashboardHeader), so the reader sees the
 * whole periods a choice covers.
 */
import { Button } from 'semantic-ui-react';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isDay } from '../../core/dates';
import { PRESETS_BY_GRANULARITY, type PresetId } from '../../core/series/presets';
import { useDashboardState, useEffectiveRange } from '../../data/hooks';
import { SelectControl } from './SelectControl';

const CUSTOM = 'custom';

export function RangeControl() {
  const { t } = useTranslation('dashboard');
  const choice = useDashboardState((s) => s.range);
  const granularity = useDashboardState((s) => s.granularity);
  const setRange = useDashboardState((s) => s.setRange);
  const effective = useEffectiveRange();
  const [editing, setEditing] = useState(false);
  const current = choice.kind === 'custom' || editing ? CUSTOM : choice.preset;
  const offered: readonly PresetId[] = PRESETS_BY_GRANULARITY[granularity];
  const presets = choice.kind === 'preset' && !offered.includes(choice.preset) ? [...offered, choice.preset] : offered;

  return (
    <div className="rs-range">
      <SelectControl<string>
        label={t('controls.range.label')}
        value={current}
        options={[...presets.map((p) => ({ value: p, label: t(`controls.range.presets.${p}`) })), { value: CUSTOM, label: t('controls.range.custom') }]}
        onChange={(value) => {
          if (value === CUSTOM) return setEditing(true);
          setEditing(false);
          setRange({ kind: 'preset', preset: value as PresetId });
        }}
      />
      {current === CUSTOM && (
        <CustomRange
          key={`${effective.start}..${effective.end}`}
          initial={effective}
          onApply={(range) => {
            setEditing(false);
            setRange({ kind: 'custom', ...range });
          }}
        />
      )}
    </div>
  );
}

function CustomRange({ initial, onApply }: { initial: { start: string; end: string }; onApply: (range: { start: string; end: string }) => void }) {
  const { t } = useTranslation('dashboard');
  const id = useId();
  const [start, setStart] = useState(initial.start);
  const [end, setEnd] = useState(initial.end);
  const valid = isDay(start) && isDay(end) && start <= end;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (valid) onApply({ start, end });
  };
  return (
    <form className="rs-custom-range" onSubmit={submit} aria-label={t('controls.range.custom')}>
      <label htmlFor={`${id}-start`}>{t('controls.range.start')}</label>
      <input id={`${id}-start`} type="date" value={start} max={end} onChange={(e) => setStart(e.target.value)} required />
      <label htmlFor={`${id}-end`}>{t('controls.range.end')}</label>
      <input id={`${id}-end`} type="date" value={end} min={start} onChange={(e) => setEnd(e.target.value)} required />
      <Button type="submit" basic size="small" compact disabled={!valid}>
        {t('controls.range.apply')}
      </Button>
      {!valid && <span role="alert">{t('controls.range.invalid')}</span>}
    </form>
  );
}
