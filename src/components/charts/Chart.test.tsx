import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import { Chart } from './Chart';
import { timeSeriesOption } from '../../core/charts/timeSeries';
import { makeSeries } from '../../core/charts/testSeries';
import type { EChartsType } from './echarts';

const option = timeSeriesOption({
  series: makeSeries(),
  chart: 'line',
  stacked: false,
  separately: false,
  names: { total: 'Views', comparison: 'Previous', other: 'Other', item: (i) => i.id, itemComparison: (name) => `${name} (previous)` },
  palette: ['#0072B2', '#E69F00'],
  period: (d) => d,
  widthPx: 400,
  description: 'Views per day, 60 in total',
  value: String,
  animation: true,
});

/** Renders a chart and waits for echarts-for-react to hand over its instance. */
async function drawn(props: Partial<Parameters<typeof Chart>[0]> = {}) {
  const seen: (EChartsType | null)[] = [];
  const view = render(<Chart option={option} height={200} width={400} label="x" onInstance={(c) => seen.push(c)} {...props} />);
  await waitFor(() => expect(seen.at(-1)).toBeTruthy());
  return { ...view, seen, chart: () => seen.at(-1)! };
}

describe('Chart (echarts-for-react core)', () => {
  it('when drawn under jsdom, then it renders SVG and carries the aria description as its name', async () => {
    const { container } = await drawn({ label: 'Views chart' });
    expect(container.querySelector('svg')).not.toBeNull();
    expect(screen.getByRole('img').getAttribute('aria-label')).toContain('Views per day, 60 in total');
  });

  it('when unmounted, then the instance is disposed and the owner is told', async () => {
    const { unmount, chart, seen } = await drawn();
    const instance = chart();
    unmount();
    expect(instance.isDisposed()).toBe(true);
    expect(seen.at(-1)).toBeNull();
  });

  it('when the reader prefers reduced motion, then the chart option has animation off', async () => {
    const mql = { matches: true, addEventListener: vi.fn(), removeEventListener: vi.fn() };
    vi.stubGlobal('matchMedia', vi.fn(() => mql));
    const { chart } = await drawn();
    expect((chart().getOption() as { animation: boolean }).animation).toBe(false);
    vi.unstubAllGlobals();
  });

  it('when the option changes once the chart is at rest, then the update is drawn without animation (the first drawing was animated)', async () => {
    // A short intro so the test does not wait a second for it to end.
    const quick = { ...option, animationDuration: 1 };
    const { chart, rerender } = await drawn({ option: quick });
    expect((chart().getOption() as { animation: boolean }).animation).toBe(true);
    await waitFor(() => expect((chart().getOption() as { animation: boolean }).animation).toBe(false));
    const next = { ...quick, aria: { enabled: true, label: { description: 'Views per day, 61 in total' } } };
    rerender(<Chart option={next} height={200} width={400} label="x" />);
    expect((chart().getOption() as { animation: boolean }).animation).toBe(false);
    expect(screen.getByRole('img').getAttribute('aria-label')).toContain('61 in total');
  });
});
