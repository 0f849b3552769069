import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import { EChart } from './EChart';
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

describe('EChart', () => {
  it('when drawn under jsdom, then it renders SVG and carries the aria description as its name', () => {
    const { container } = render(<EChart option={option} height={200} width={400} label="Views chart" />);
    expect(container.querySelector('svg')).not.toBeNull();
    expect(screen.getByRole('img').getAttribute('aria-label')).toContain('Views per day, 60 in total');
  });

  it('when unmounted, then the instance is disposed and the owner is told', () => {
    const seen: (EChartsType | null)[] = [];
    const { unmount } = render(<EChart option={option} height={200} width={400} label="x" onInstance={(c) => seen.push(c)} />);
    const chart = seen[0]!;
    unmount();
    expect(chart.isDisposed()).toBe(true);
    expect(seen.at(-1)).toBeNull();
  });

  it('when the reader prefers reduced motion, then the chart option has animation off', () => {
    const mql = { matches: true, addEventListener: vi.fn(), removeEventListener: vi.fn() };
    vi.stubGlobal('matchMedia', vi.fn(() => mql));
    let chart: EChartsType | null = null;
    render(<EChart option={option} height={200} width={400} label="x" onInstance={(c) => (chart = c ?? chart)} />);
    expect((chart!.getOption() as { animation: boolean }).animation).toBe(false);
    vi.unstubAllGlobals();
  });

  it('when the option changes once the chart is at rest, then the update is drawn without animation (the first drawing was animated)', async () => {
    let chart: EChartsType | null = null;
    // A short intro so the test does not wait a second for it to end.
    const quick = { ...option, animationDuration: 1 };
    const { rerender } = render(<EChart option={quick} height={200} width={400} label="x" onInstance={(c) => (chart = c ?? chart)} />);
    expect((chart!.getOption() as { animation: boolean }).animation).toBe(true);
    await waitFor(() => expect(chart!.getZr().animation.isFinished()).toBe(true));
    rerender(<EChart option={{ ...quick, aria: { enabled: true, label: { description: 'Views per day, 61 in total' } } }} height={200} width={400} label="x" onInstance={(c) => (chart = c ?? chart)} />);
    expect((chart!.getOption() as { animation: boolean }).animation).toBe(false);
    expect(screen.getByRole('img').getAttribute('aria-label')).toContain('61 in total');
  });

  it('when the option changes during the intro animation, then the update is animated too', () => {
    let chart: EChartsType | null = null;
    const { rerender } = render(<EChart option={option} height={200} width={400} label="x" onInstance={(c) => (chart = c ?? chart)} />);
    rerender(<EChart option={{ ...option }} height={200} width={400} label="x" onInstance={(c) => (chart = c ?? chart)} />);
    expect((chart!.getOption() as { animation: boolean }).animation).toBe(true);
  });
});
