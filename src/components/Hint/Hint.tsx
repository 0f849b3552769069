/**
 * A short text shown on hover and keyboard focus (semantic-ui-react Popup): the exact number
 * behind a compact one, a full name behind a shortened one, an icon button's words. The popup
 * is drawn inside the trigger's `.rs-dashboard` (not at the end of <body>), so the scoped
 * Semantic stylesheet and the theme's --rs- colours reach it. It repeats what screen readers
 * already get from the trigger (its name or an aria-describedby text), so it is hidden from them.
 */
import { useState, type ReactElement, type ReactNode, type SyntheticEvent } from 'react';
import { Popup } from 'semantic-ui-react';

export const HINT_ROOT = '.rs-dashboard';

function rootOf(event: SyntheticEvent | undefined): HTMLElement | undefined {
  const target = (event?.currentTarget ?? event?.target) as Element | null | undefined;
  return (target && typeof target.closest === 'function' ? (target.closest(HINT_ROOT) as HTMLElement | null) : null) ?? undefined;
}

export function Hint({ content, children }: { content: ReactNode; children: ReactElement }) {
  const [mountNode, setMountNode] = useState<HTMLElement | undefined>(undefined);
  return (
    <Popup
      trigger={children}
      content={<span aria-hidden="true">{content}</span>}
      on={['hover', 'focus']}
      size="small"
      position="top center"
      mouseEnterDelay={150}
      mountNode={mountNode}
      onOpen={(event) => setMountNode(rootOf(event))}
    />
  );
}
