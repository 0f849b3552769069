/**
 * The frame every widget view draws in: a titled card with one compact toolbar — the card's own
 * switches (view, metric…) and the overflow menu (table, downloads, hide). A hidden card keeps
 * its title and menu, so the reader can show it again. Views fill the body.
 */
import { useId, useState, type ReactNode } from 'react';
import { CardMenu, type ExportSpec } from './CardMenu';
import type { WidgetT } from './types';

export type { ExportSpec } from './CardMenu';

export interface WidgetFrameProps {
  title: string;
  description?: string;
  t: WidgetT;
  /** Switchers (metric, view, chart type…), rendered in the header toolbar. */
  controls?: ReactNode;
  /** The chart/table switch, for widgets that draw a chart; offered in the overflow menu. */
  tableToggle?: { shown: boolean; onToggle: () => void };
  exports?: ExportSpec;
  /** Start hidden (the layout's `collapsed`). */
  initiallyHidden?: boolean;
  className?: string;
  children: ReactNode;
}

export function WidgetFrame({ title, description, t, controls, tableToggle, exports, initiallyHidden = false, className, children }: WidgetFrameProps) {
  const headingId = useId();
  const [hidden, setHidden] = useState(initiallyHidden);
  return (
    <section className={['rs-widget', hidden ? 'rs-widget-hidden' : '', className].filter(Boolean).join(' ')} aria-labelledby={headingId}>
      {/* The ⋯ menu stays on the title's line at any width: the title and the switches wrap in
          their own box beside it (a long title is cut after two lines, whole in its `title`). */}
      <header className="rs-widget-header">
        <div className="rs-widget-heading">
          <h3 id={headingId} className="rs-widget-title" title={title}>
            {title}
          </h3>
          {!hidden && controls && (
            <div className="rs-widget-toolbar" role="group" aria-label={`${t('common.controls')}: ${title}`}>
              {controls}
            </div>
          )}
        </div>
        <CardMenu title={title} t={t} tableToggle={tableToggle} exports={exports} hidden={hidden} onHiddenChange={setHidden} />
      </header>
      {!hidden && description && <p className="rs-widget-description">{description}</p>}
      {!hidden && <div className="rs-widget-body">{children}</div>}
    </section>
  );
}
