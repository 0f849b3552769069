/**
 * semantic-ui-react's Dropdown with the ARIA of a select-only combobox (WAI-ARIA 1.2 pattern):
 * the trigger is a `combobox` that `aria-controls` a `listbox` of `option`s. Out of the box the
 * Dropdown puts `role=listbox` on the trigger, whose options are hidden while it is closed, so
 * axe reports a listbox with no children (aria-required-children) on every closed control.
 * Only the ARIA attributes change; keyboard and mouse handling are the Dropdown's own.
 */
import type { ComponentClass } from 'react';
import { Dropdown, type DropdownProps } from 'semantic-ui-react';

type AriaOptions = Record<string, unknown>;

/** The Dropdown instance members replaced here (semantic-ui-react 2.1; see Dropdown.js). */
interface DropdownInternals {
  props: DropdownProps;
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
      return { ...rest, role: 'combobox', 'aria-haspopup': 'listbox' };
    };
  }

  /** The menu is the listbox: it carries the id the combobox controls, and the same label. */
  getDropdownMenuAriaOptions(): AriaOptions {
    const props = (this as unknown as DropdownInternals).props;
    return { role: 'listbox', id: props['aria-controls'], 'aria-labelledby': props['aria-labelledby'] };
  }
}
