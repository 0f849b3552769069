export { Grid } from './Grid';
export { Tabs } from './Tabs';
export { WidgetSlot, UnknownWidgetSlot } from './WidgetSlot';
export type { WidgetRegistry } from './registry';
