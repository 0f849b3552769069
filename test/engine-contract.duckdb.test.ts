import { openDuckDb } from '../server/storage/duckdb';
import { engineContract } from './engine-contract';

engineContract('DuckDB', () => openDuckDb(':memory:'));
