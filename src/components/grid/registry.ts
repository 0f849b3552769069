/**
 * The shape of a widget registry: one component per widget type, each receiving its own config.
 * The real one is `WIDGETS` (src/components/widgets/registry.ts); tests pass small ones.
 */
import type { ComponentType } from 'react';
import type { WidgetOf, WidgetType } from '../../layout/schema';

export type WidgetRegistry = { [T in WidgetType]: ComponentType<{ config: WidgetOf<T> }> };
