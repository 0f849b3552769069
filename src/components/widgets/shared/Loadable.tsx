/**
 * Renders a `Loadable` (the data hooks' result) by its status: a fixed-height skeleton while
 * pending (no layout shift), a Message for empty, a negative Message with Retry for errors, else the view.
 */
import { Button, Message } from 'semantic-ui-react';
import type { ReactNode } from 'react';
import type { WidgetT } from './types';

/** Same shape as `Loadable<T>` in `src/data/hooks.ts` (see src/data/README.md). */
export type LoadableLike<T> =
  | { status: 'pending' }
  | { status: 'error'; error: Error; retry: () => void }
  | { status: 'empty' }
  | { status: 'success'; data: T };

export function LoadableView<T>({
  loadable,
  t,
  title,
  height,
  children,
}: {
  loadable: LoadableLike<T>;
  t: WidgetT;
  /** Shown above every state, so the reader knows which widget is loading or failed. */
  title: string;
  height: number;
  children: (data: T) => ReactNode;
}) {
  if (loadable.status === 'success') return <>{children(loadable.data)}</>;
  return (
    <section className="rs-widget" aria-label={title}>
      <header className="rs-widget-header">
        <h3 className="rs-widget-title">{title}</h3>
      </header>
      <StateBody loadable={loadable} t={t} height={height} />
    </section>
  );
}

function StateBody({ loadable, t, height }: { loadable: Exclude<LoadableLike<unknown>, { status: 'success' }>; t: WidgetT; height: number }) {
  switch (loadable.status) {
    case 'pending':
      return (
        <div className="rs-skeleton" style={{ minHeight: height }} aria-busy="true">
          <span className="rs-visually-hidden">{t('common.loading')}</span>
        </div>
      );
    case 'error':
      return (
        <div className="rs-state" style={{ minHeight: height }}>
          <Message negative size="small" role="alert">
            <p>{t('common.error')}</p>
            <Button type="button" basic size="small" compact onClick={loadable.retry}>
              {t('common.retry')}
            </Button>
          </Message>
        </div>
      );
    case 'empty':
      return (
        <div className="rs-state" style={{ minHeight: height }}>
          <Message size="small" content={t('common.empty')} />
        </div>
      );
  }
}
