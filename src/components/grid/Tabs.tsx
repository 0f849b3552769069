/**
 * WAI-ARIA tabs: a tablist of buttons (arrow keys, Home and End move and select) and one panel.
 * Only the active tab's widgets mount, so hidden tabs fetch nothing.
 */
import { Menu } from 'semantic-ui-react';
import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface TabsProps {
  label: string;
  /** `icon`: a Fomantic icon name from the layout, decorative (the label names the tab). */
  tabs: readonly { id: string; label: string; icon?: string }[];
  active: string;
  onSelect: (id: string) => void;
  children: ReactNode;
}

export function Tabs({ label, tabs, active, onSelect, children }: TabsProps) {
  const base = useId();
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const index = Math.max(0, tabs.findIndex((t) => t.id === active));

  const onKeyDown = (event: KeyboardEvent) => {
    const last = tabs.length - 1;
    const next = { ArrowRight: index === last ? 0 : index + 1, ArrowLeft: index === 0 ? last : index - 1, Home: 0, End: last }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const tab = tabs[next];
    if (!tab) return;
    onSelect(tab.id);
    refs.current[next]?.focus();
  };

  return (
    <div className="rs-tabs">
      {tabs.length > 1 && (
        <Menu as="div" secondary pointing role="tablist" aria-label={label} className="rs-tablist" onKeyDown={onKeyDown}>
          {tabs.map((tab, i) => (
            <button
              key={tab.id}
              ref={(el) => {
                refs.current[i] = el;
              }}
              type="button"
              role="tab"
              id={`${base}-tab-${tab.id}`}
              aria-selected={i === index}
              aria-controls={`${base}-panel`}
              tabIndex={i === index ? 0 : -1}
              className={i === index ? 'rs-tab item active' : 'rs-tab item'}
              onClick={() => onSelect(tab.id)}
            >
              {tab.icon && <i className={`${tab.icon} icon`} aria-hidden="true" />}
              {tab.label}
            </button>
          ))}
        </Menu>
      )}
      <div role="tabpanel" id={`${base}-panel`} aria-labelledby={`${base}-tab-${tabs[index]?.id ?? ''}`} className="rs-tabpanel" tabIndex={0}>
        {/* Keeps the outline whole: page h1 → tab h2 → widget h3 (widgets use h3). */}
        <h2 className="rs-visually-hidden">{tabs[index]?.label}</h2>
        {children}
      </div>
    </div>
  );
}
