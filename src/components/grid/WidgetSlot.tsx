/**
 * One cell of the 16-column grid: reserves the widget type's height, isolates the widget in an
 * error boundary with Retry, and renders the registered component for its `type`. (The widgets'
 * own titled frame is `widgets/shared/WidgetFrame`; this is the grid's side of it.)
 */
import { Button, Message } from 'semantic-ui-react';
import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { WidgetConfig, WidgetType } from '../../layout/schema';
import type { UnknownWidget } from '../../layout/validate';
import { reservedHeight } from './heights';
import type { WidgetRegistry } from './registry';
import { WidgetErrorBoundary } from './WidgetErrorBoundary';

function cellStyle(width: number, tablet: number | undefined, mobile: number | undefined, minHeight: number): CSSProperties {
  return {
    '--rs-w': width,
    '--rs-wt': tablet ?? Math.max(width, 8),
    '--rs-wm': mobile ?? 16,
    minHeight: minHeight || undefined,
  } as CSSProperties;
}

export interface WidgetSlotProps {
  config: WidgetConfig;
  registry: WidgetRegistry;
  onError?: (error: Error) => void;
}

export function WidgetSlot({ config, registry, onError }: WidgetSlotProps) {
  const { t } = useTranslation('dashboard');
  const height = reservedHeight(config);
  const Widget = registry[config.type as WidgetType] as ((props: { config: WidgetConfig }) => ReactNode) | undefined;
  return (
    <div className="rs-cell" style={cellStyle(config.width, config.tablet, config.mobile, height)} data-widget-type={config.type}>
      {Widget ? (
        <WidgetErrorBoundary
          onError={onError}
          fallback={({ retry }) => (
            <div className="rs-widget rs-state" style={{ minHeight: height }}>
              <Message negative size="small" role="alert">
                <p>{t('states.crashed')}</p>
                <Button type="button" basic size="small" compact onClick={retry}>
                  {t('states.retry')}
                </Button>
              </Message>
            </div>
          )}
        >
          <Widget config={config} />
        </WidgetErrorBoundary>
      ) : (
        <UnknownNotice type={config.type} />
      )}
    </div>
  );
}

function UnknownNotice({ type }: { type: string }) {
  const { t } = useTranslation('dashboard');
  return (
    <div className="rs-widget rs-state">
      <Message warning size="small" role="note" content={t('states.unknownWidget', { type })} />
    </div>
  );
}

/** Where a layout named a widget type this version does not know. */
export function UnknownWidgetSlot({ widget }: { widget: UnknownWidget }) {
  return (
    <div className="rs-cell" style={cellStyle(widget.width, undefined, undefined, 0)} data-widget-type={widget.type}>
      <UnknownNotice type={widget.type} />
    </div>
  );
}
