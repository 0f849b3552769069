import { openPostgres } from '../../server/storage/postgres';
import { engineContract } from '../engine-contract';
import { freshPgDatabase } from './fresh';

engineContract('PostgreSQL', async () => openPostgres(await freshPgDatabase()));
