import { describe, expect, it } from 'vitest';
import { dayInWindow } from './args';

const NOW = new Date('2026-12-05T12:00:00Z');

describe('dayInWindow', () => {
  it.each([
    ['2024-02-29', '2024-02-29'],
    ['1990-01-01', '1990-01-01'],
    ['2026-12-06', '2026-12-06'],
  ])('when given %s, then it is that day', (value, expected) => {
    expect(dayInWindow(value, NOW)).toBe(expected);
  });

  it.each([
    ['2026-02-30', /real date/],
    ['2024-13-01', /real date/],
    ['20240101', /real date/],
    ['0000-01-01', /before 1990-01-01/],
    ['1989-12-31', /before 1990-01-01/],
    ['2026-12-07', /after 2026-12-06/],
    ['9999-12-31', /after 2026-12-06/],
  ])('when given %s, then it is refused with a message', (value, message) => {
    expect(() => dayInWindow(value, NOW)).toThrow(message);
  });
});
