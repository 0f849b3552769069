/**
 * semantic-ui-react's Dropdown with the ARIA of a select-only combobox (WAI-ARIA 1.2 pattern):
 * the trigger is a `combobox` that `aria-controls` a `listbox` of `option`s and, while open,
 * points `aria-activedescendant` at the option the arrow keys reached (give options an `id`).
 * Out of the box the Dropdown puts `role=listbox` on the trigger, whose options are hidden while
 * it is closed, so axe reports a listbox with no children (aria-required-children) on every
 * closed control, and screen readers never hear which option is highlighted.
 * Only ARIA attributes change; keyboard and mouse handling are the Dropdown's own.
 */
import type { ComponentClass } from 'react';
import { Dropdown, type DropdownProps } from 'semantic-ui-react';

type AriaOptions = Record<string, unknown>;

/** The Dropdown instance members used here (semantic-ui-react 2.1; see Dropdown.js). */
interface DropdownInternals {
  props: DropdownProps;
  state: { open?: boolean; selectedIndex?: number };
  getDropdownAriaOptions: () => AriaOptions;
}

const Base = Dropdown as ComponentClass<DropdownProps>;

export class SelectDropdown extends Base {
  constructor(props: DropdownProps) {
    super(props);
    const self = this as unknown as DropdownInternals;
    const own = self.getDropdownAriaOptions;
    self.getDropdownAriaOptions = () => {
      const { role: _role, 'aria-multiselectable': _multi, ...rest } = own();
      const { open, selectedIndex } = self.state;
      const highlighted = open && selectedIndex !== undefined ? self.props.options?.[selectedIndex]?.id : undefined;
      return { ...rest, role: 'combobox', 'aria-haspopup': 'listbox', ...(highlighted ? { 'aria-activedescendant': highlighted } : {}) };
    };
  }

  /** The menu is the listbox: it carries the id the combobox controls, and the same name. */
  getDropdownMenuAriaOptions(): AriaOptions {
    const props = (this as unknown as DropdownInternals).props;
    return { role: 'listbox', id: props['aria-controls'], 'aria-labelledby': props['aria-labelledby'], 'aria-label': props['aria-label'] };
  }
}
