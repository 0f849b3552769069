/**
 * A labelled choice: semantic-ui-react's selection Dropdown, as a select-only combobox named by its
 * label, controlling a listbox of options (see SelectDropdown). Keyboard: Tab reaches it, Space or ↑/↓ opens it, ↑/↓ move, Enter picks,
 * Escape closes without changing anything. It changes the value only when a choice is picked
 * (not while moving through the list, not on blur), so a data request follows a decision only.
 * The current choice is drawn by our own trigger rather than the Dropdown's default text, which
 * carries role=alert and would be announced as an error on every change.
 */
import { useId } from 'react';
import { SelectDropdown } from './SelectDropdown';

export interface SelectControlProps<T extends string> {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
  /** Keep the label for screen readers only (a toolbar where the choices speak for themselves). */
  hideLabel?: boolean;
  className?: string;
}

export function SelectControl<T extends string>({ label, value, options, onChange, hideLabel, className }: SelectControlProps<T>) {
  const id = useId();
  const current = options.find((o) => o.value === value);
  return (
    <div className={['rs-control', className].filter(Boolean).join(' ')}>
      <span id={id} className={hideLabel ? 'rs-visually-hidden' : 'rs-control-label'}>
        {label}
      </span>
      <SelectDropdown
        selection
        compact
        className="rs-select"
        aria-labelledby={id}
        aria-controls={`${id}-options`}
        value={value}
        options={options.map((o, i) => ({ key: o.value, value: o.value, text: o.label, id: `${id}-option-${i}` }))}
        trigger={<span className="text">{current?.label ?? value}</span>}
        openOnFocus={false}
        selectOnBlur={false}
        selectOnNavigation={false}
        onChange={(_, data) => {
          if (data.value !== value) onChange(data.value as T);
        }}
      />
    </div>
  );
}
