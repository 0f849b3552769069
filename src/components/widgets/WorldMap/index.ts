export { WorldMap } from './WorldMap';
export { WorldMapView, type WorldMapViewProps } from './WorldMapView';
