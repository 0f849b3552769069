/** Test helper: parse a request as the route does and run it against a database. */
import { QueryRequestSchema, type QueryRequestInput, type QueryResponse } from '../../src/api/query';
import type { SqlEngine } from '../storage/port';
import { dataState } from './dataState';
import { runQuery } from './engine';

export async function ask(db: SqlEngine, input: QueryRequestInput): Promise<QueryResponse> {
  const q = QueryRequestSchema.parse(input);
  return runQuery(db, q, await dataState(db, q.community));
}

/** The single figure of a query without dimensions, per metric. */
export async function figures(db: SqlEngine, input: QueryRequestInput): Promise<Record<string, number>> {
  const answer = await ask(db, input);
  const row = answer.results[0]?.metrics ?? [];
  return Object.fromEntries(input.metrics.map((m, i) => [m, row[i]!]));
}
