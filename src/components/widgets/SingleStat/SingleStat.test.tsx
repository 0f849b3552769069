import { describe, expect, it } from 'vitest';
import { act, render, screen, waitFor } from '@testing-library/react';
import { SingleStatView } from './SingleStatView';
import { changeVersus } from './change';
import { makeSeries } from '../../../core/charts/testSeries';
import { axeViolations, plain, viewCommon } from '../testing';

const cmp = (summary: number) => ({ kind: 'previous-period' as const, values: [summary], summary });

describe('changeVersus', () => {
  it.each([
    [120, 100, { direction: 'up', fraction: 0.2 }],
    [80, 100, { direction: 'down', fraction: 0.2 }],
    [100, 100, { direction: 'flat', fraction: 0 }],
    [0, 0, { direction: 'flat', fraction: 0 }],
    [5, 0, { direction: 'noBase' }],
  ])('when %i is compared with %i, then the change is %j', (current, previous, expected) => {
    expect(changeVersus(current, previous)).toEqual(expected);
  });
});

describe('SingleStatView', () => {
  it('when the figure is large, then the reader sees it compact and gets the exact value on focus', async () => {
    render(
      <div className="rs-dashboard">
        <SingleStatView title="Views" metric="views" mode="delta" series={makeSeries({ values: [1234567], summary: 1234567 })} {...viewCommon('en')} />
      </div>,
    );
    const value = screen.getByText('1.2M');
    expect(value).toHaveAccessibleDescription('Exact value: 1,234,567');
    expect(value).toHaveAttribute('tabindex', '0');
    expect(document.querySelector('.ui.popup')).toBeNull();
    // Keyboard focus (as hover) shows the exact figure in a popup inside the dashboard (themed, scoped CSS).
    act(() => value.focus());
    const popup = await waitFor(() => {
      const found = document.querySelector('.ui.popup');
      expect(found).not.toBeNull();
      return found!;
    });
    expect(popup).toHaveTextContent('Exact value: 1,234,567');
    expect(popup.closest('.rs-dashboard')).not.toBeNull();
  });

  it('when the figure rose against the previous period, then an up arrow, a plus sign and words say so', () => {
    const { container } = render(
      <SingleStatView title="Views" metric="views" mode="delta" series={makeSeries({ values: [120], summary: 120, comparison: cmp(100) })} {...viewCommon('en')} />,
    );
    expect(container.querySelector('.rs-change-up')).toHaveTextContent('▲ +20%');
    expect(screen.getByText('Up 20% on the previous period')).toBeInTheDocument();
  });

  it('when the figure fell, then a down arrow and a minus sign show it', () => {
    const { container } = render(
      <SingleStatView title="Views" metric="views" mode="delta" series={makeSeries({ values: [75], summary: 75, comparison: cmp(100) })} {...viewCommon('en')} />,
    );
    expect(container.querySelector('.rs-change-down')).toHaveTextContent('▼ −25%');
  });

  it('when the comparison was zero, then no percentage is invented', () => {
    render(<SingleStatView title="Views" metric="views" mode="delta" series={makeSeries({ values: [5], summary: 5, comparison: cmp(0) })} {...viewCommon('en')} />);
    expect(screen.getByText('No previous period figure to compare with')).toBeInTheDocument();
  });

  it('when the locale is German, then numbers, bytes and words are German', () => {
    const { container } = render(
      <SingleStatView
        title="Datenvolumen"
        metric="data_volume"
        mode="cumulative"
        series={makeSeries({ values: [2_500_000_000], summary: 2_500_000_000, comparison: cmp(2_000_000_000) })}
        {...viewCommon('de')}
      />,
    );
    expect(screen.getByText('2,5 GB')).toBeInTheDocument();
    expect(plain(container.querySelector('.rs-change-up')?.textContent)).toContain('+25 %');
    expect(screen.getByText('insgesamt')).toBeInTheDocument();
    expect(plain(screen.getByText(/Plus 25/).textContent)).toBe('Plus 25 % gegenüber dem vorherigen Zeitraum');
  });

  it('when rendered, then axe finds no accessibility violations', async () => {
    const { container } = render(
      <SingleStatView title="Views" metric="views" mode="delta" series={makeSeries({ comparison: cmp(50) })} {...viewCommon('en')} />,
    );
    expect(await axeViolations(container)).toEqual([]);
  });
});
