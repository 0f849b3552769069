export { Breakdown } from './Breakdown';
export { BreakdownView, type BreakdownViewProps, type BreakdownViewKind } from './BreakdownView';
