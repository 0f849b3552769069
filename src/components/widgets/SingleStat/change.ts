/** The change of a figure against its comparison period, as a reader reads it. */
export type Change =
  | { direction: 'up' | 'down' | 'flat'; fraction: number }
  /** The comparison is 0 while the figure is not: a percentage would be infinite. */
  | { direction: 'noBase' };

export function changeVersus(current: number, previous: number): Change {
  if (previous === 0) return current === 0 ? { direction: 'flat', fraction: 0 } : { direction: 'noBase' };
  const fraction = (current - previous) / Math.abs(previous);
  return { direction: fraction > 0 ? 'up' : fraction < 0 ? 'down' : 'flat', fraction: Math.abs(fraction) };
}
