export { TextBlock } from './TextBlock';
export { TextBlockView, type TextBlockViewProps } from './TextBlockView';
