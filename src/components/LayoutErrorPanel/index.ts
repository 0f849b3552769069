export { LayoutErrorPanel } from './LayoutErrorPanel';
