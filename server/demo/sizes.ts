/**
 * The demo sizes. `tiny` is for tests, `small` is the default for `npm run demo` (imports and
 * aggregates in well under a minute), `medium` and `large` exercise the pipeline at scale.
 */
export interface DemoSize {
  records: number;
  communities: number;
  /** Planned usage events (the generated count is within a few percent: double clicks add some). */
  events: number;
  years: number;
}

export const DEMO_SIZES = {
  tiny: { records: 200, communities: 5, events: 20_000, years: 1 },
  small: { records: 3_000, communities: 20, events: 300_000, years: 2 },
  medium: { records: 100_000, communities: 200, events: 10_000_000, years: 3 },
  large: { records: 1_000_000, communities: 1_000, events: 50_000_000, years: 5 },
} as const satisfies Record<string, DemoSize>;

export type DemoSizeName = keyof typeof DEMO_SIZES;
export const DEMO_SIZE_NAMES = Object.keys(DEMO_SIZES) as DemoSizeName[];

export function isDemoSizeName(value: string): value is DemoSizeName {
  return (DEMO_SIZE_NAMES as string[]).includes(value);
}
