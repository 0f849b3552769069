import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { TextBlockView } from './TextBlockView';
import { layoutLabel } from '../shared/labels';
import { axeViolations, viewCommon } from '../testing';

describe('TextBlockView', () => {
  it('when labels are per-language objects, then the German reader gets German text', () => {
    const common = viewCommon('de');
    render(
      <TextBlockView
        heading={layoutLabel({ en: 'About', de: 'Über diese Statistik' }, common)}
        body={layoutLabel({ en: 'Counts follow COUNTER.', de: 'Zählung nach COUNTER.' }, common)!}
      />,
    );
    expect(screen.getByRole('heading', { name: 'Über diese Statistik' })).toBeInTheDocument();
    expect(screen.getByText('Zählung nach COUNTER.')).toBeInTheDocument();
  });

  it.each([
    ['metrics.views', 'Aufrufe'],
    ['Plain words <b>not HTML</b>', 'Plain words <b>not HTML</b>'],
  ])('when the label is the string %j, then it is a catalog key when one exists, else literal text', (label, expected) => {
    render(<TextBlockView body={layoutLabel(label, viewCommon('de'))!} />);
    expect(screen.getByText(expected)).toBeInTheDocument();
  });

  it('when rendered, then axe finds no violations', async () => {
    const { container } = render(<TextBlockView heading="About" body="Text" />);
    expect(await axeViolations(container)).toEqual([]);
  });
});
