/**
 * The layout a dashboard shows: the host's (a full layout, or a patch over the community's
 * default), else the community's effective layout from the server; always validated.
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { layoutQuery } from '../../api/queries';
import { defaultLayoutFor } from '../../layout/defaults';
import { isLayoutPatch, mergeLayout } from '../../layout/merge';
import type { Layout } from '../../layout/schema';
import { validateLayout, type LayoutIssue, type UnknownWidget } from '../../layout/validate';

export type ResolvedLayout =
  | { status: 'pending' }
  | { status: 'error'; error: Error; retry: () => void }
  | { status: 'invalid'; issues: LayoutIssue[] }
  | { status: 'ready'; layout: Layout; unknownWidgets: UnknownWidget[] };

export function useResolvedLayout({ layout, apiBase, community }: { layout: unknown; apiBase: string; community: string }): ResolvedLayout {
  const fromServer = useQuery({ ...layoutQuery({ apiBase, community }), enabled: layout === undefined });
  const input = layout === undefined ? fromServer.data : isLayoutPatch(layout) ? mergeLayout(defaultLayoutFor(community), layout) : layout;
  const validation = useMemo(() => (input === undefined ? null : validateLayout(input)), [input]);
  if (layout === undefined && fromServer.error) return { status: 'error', error: fromServer.error, retry: () => void fromServer.refetch() };
  if (!validation) return { status: 'pending' };
  if (!validation.ok) return { status: 'invalid', issues: validation.issues };
  return { status: 'ready', layout: validation.layout, unknownWidgets: validation.unknownWidgets };
}
