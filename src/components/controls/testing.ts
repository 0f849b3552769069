/**
 * Test helpers for `SelectControl` (a combobox controlling a listbox): pick a choice as a reader
 * does (open it, click the option) and read the choice the closed control shows.
 */
import { fireEvent, within } from '@testing-library/react';
import { expect } from 'vitest';

/** Opens the combobox and clicks the option with this visible name in the listbox it controls. */
export function choose(combobox: HTMLElement, option: string): void {
  fireEvent.click(combobox);
  expect(combobox).toHaveAttribute('aria-expanded', 'true');
  const listbox = document.getElementById(combobox.getAttribute('aria-controls') ?? '');
  if (!listbox) throw new Error(`combobox ${combobox.getAttribute('aria-labelledby')} controls no listbox`);
  fireEvent.click(within(listbox).getByRole('option', { name: option }));
}

/** The choice the closed control shows. */
export function shownChoice(combobox: HTMLElement): string {
  return combobox.querySelector(':scope > .text')?.textContent ?? '';
}
