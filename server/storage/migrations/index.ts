import type { Migration } from '../port';
import { INPUT_MIGRATIONS } from './001_inputs';

/** Every migration, from every area. Add an area's list here. */
export const MIGRATIONS: Migration[] = [...INPUT_MIGRATIONS];
