export { SingleStat } from './SingleStat';
export { SingleStatView, type SingleStatViewProps } from './SingleStatView';
