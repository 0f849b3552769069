/**
 * Portable stories: the widget stories themselves, rendered in jsdom, asserting what a reader
 * sees. If a story breaks or drifts from the component, these fail.
 */
import './support/portable';
import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { composeStories } from '@storybook/react-vite';
import * as singleStat from '../src/components/widgets/SingleStat/SingleStat.stories';
import recordSnapshot from '../src/mocks/fixtures/global.record-snapshot.added.2025.json';

const SingleStat = composeStories(singleStat);
const SingleStatFr = composeStories(singleStat, { initialGlobals: { locale: 'fr' } });

describe('single-stat stories', () => {
  it('when the Records story renders, then the reader sees the records figure and its mode', () => {
    render(<SingleStat.Records />);
    expect(screen.getByRole('heading', { name: 'Records' })).toBeInTheDocument();
    expect(screen.getByText('total')).toBeInTheDocument();
    // The demo's records held at its last day, straight from the fixture the story draws from.
    const held = recordSnapshot.totals.records.at(-1);
    expect(document.querySelector('.rs-stat-value data')?.getAttribute('value')).toBe(String(held));
    expect(screen.getByText(String(held))).toBeInTheDocument();
  });

  it('when the Loading story renders, then a busy skeleton with a loading message shows', () => {
    render(<SingleStat.Loading />);
    expect(screen.getByText('Loading…')).toBeInTheDocument();
    expect(document.querySelector('[aria-busy="true"]')).not.toBeNull();
  });

  it('when the Error story renders, then an alert offers Retry', () => {
    render(<SingleStat.ErrorState />);
    expect(screen.getByRole('alert')).toHaveTextContent('This widget could not load its data.');
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });

  it('when the Huge numbers story renders, then the figure is compact, not a 16-digit string', () => {
    render(<SingleStat.HugeNumbers />);
    const figure = document.querySelector('.rs-stat-value data');
    expect(Number(figure?.getAttribute('value'))).toBeGreaterThan(1e15);
    expect(figure?.textContent).toMatch(/^[\d.,]+\s?[A-Z]+$/);
    expect(figure?.textContent?.length).toBeLessThan(12);
  });

  it('when the language global is French, then the widget speaks French', () => {
    render(<SingleStatFr.Records />);
    expect(screen.getByRole('heading', { name: 'Notices' })).toBeInTheDocument();
    expect(screen.getByText('au total')).toBeInTheDocument();
    expect(screen.getByText('Données au 31 déc. 2025')).toBeInTheDocument();
  });
});
