import type { Migration } from '../port';
import { INPUT_MIGRATIONS } from './001_inputs';
import { AGGREGATION_MIGRATIONS } from './002_aggregations';
import { SERVING_MIGRATIONS } from './003_serving';
import { PG_PARTITION_MIGRATIONS } from './004_pg_partitions';
import { RECORD_FILE_MIGRATIONS } from './005_record_files';
import { DIRTY_CLAIM_MIGRATIONS } from './006_dirty_claims';
import { HISTORY_MIGRATIONS } from './007_history';
import { METADATA_HISTORY_MIGRATIONS } from './008_metadata_history';
import { COUNTED_EVENT_MIGRATIONS } from './009_counted_events';

/** Every migration, from every area. Add an area's list here. */
export const MIGRATIONS: Migration[] = [...INPUT_MIGRATIONS, ...AGGREGATION_MIGRATIONS, ...SERVING_MIGRATIONS, ...PG_PARTITION_MIGRATIONS, ...RECORD_FILE_MIGRATIONS, ...DIRTY_CLAIM_MIGRATIONS, ...HISTORY_MIGRATIONS, ...METADATA_HISTORY_MIGRATIONS, ...COUNTED_EVENT_MIGRATIONS];
