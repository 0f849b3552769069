/** A labelled native select: keyboard-operable and announced by every screen reader as is. */
import { useId } from 'react';

export interface SelectControlProps<T extends string> {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
}

export function SelectControl<T extends string>({ label, value, options, onChange }: SelectControlProps<T>) {
  const id = useId();
  return (
    <div className="rs-control">
      <label htmlFor={id} className="rs-control-label">
        {label}
      </label>
      <select id={id} className="rs-select ui compact dropdown" value={value} onChange={(e) => onChange(e.target.value as T)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
