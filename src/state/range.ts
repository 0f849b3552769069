/**
 * The effective range: the reader's choice resolved against today and snapped to whole periods of
 * the chosen granularity (a month view always shows whole months).
 */
import { snapRange } from '../core/dates';
import { resolvePreset, type PresetContext } from '../core/series/presets';
import type { DateRange, Granularity } from '../core/series/types';
import type { RangeChoice } from './store';

export function effectiveRange(choice: RangeChoice, granularity: Granularity, context: PresetContext = {}): DateRange {
  const raw = choice.kind === 'preset' ? resolvePreset(choice.preset, context) : { start: choice.start, end: choice.end };
  return snapRange(raw, granularity);
}
