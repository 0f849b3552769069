/**
 * The frame every widget view draws in: a titled region with its controls, the chart/table
 * toggle and the export menu. Views fill the body; the frame owns nothing but layout.
 */
import { Button } from 'semantic-ui-react';
import { useId, type ReactNode } from 'react';
import { ExportMenu, type ExportSpec } from './ExportMenu';
import type { WidgetT } from './types';

export interface WidgetFrameProps {
  title: string;
  description?: string;
  t: WidgetT;
  /** Switchers (metric, view, chart type…), rendered in the header toolbar. */
  controls?: ReactNode;
  /** The "view as table" toggle, for widgets that draw a chart. */
  tableToggle?: { shown: boolean; onToggle: () => void };
  exports?: ExportSpec;
  className?: string;
  children: ReactNode;
}

export function WidgetFrame({ title, description, t, controls, tableToggle, exports, className, children }: WidgetFrameProps) {
  const headingId = useId();
  return (
    <section className={['rs-widget', className].filter(Boolean).join(' ')} aria-labelledby={headingId}>
      <header className="rs-widget-header">
        <h3 id={headingId} className="rs-widget-title">
          {title}
        </h3>
        {(controls || tableToggle || exports) && (
          <div className="rs-widget-toolbar" role="group" aria-label={`${t('common.controls')}: ${title}`}>
            {controls}
            {tableToggle && (
              <Button type="button" basic size="small" compact toggle active={tableToggle.shown} onClick={tableToggle.onToggle}>
                {t('common.viewAsTable')}
              </Button>
            )}
            {exports && <ExportMenu spec={exports} t={t} title={title} />}
          </div>
        )}
      </header>
      {description && <p className="rs-widget-description">{description}</p>}
      <div className="rs-widget-body">{children}</div>
    </section>
  );
}
