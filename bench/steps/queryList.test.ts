import { describe, expect, it } from 'vitest';
import { QueryRequestSchema } from '../../src/api/query';
import { firstViewQueries, queryPath, withOtherFieldFilter } from './queryList';

const queries = firstViewQueries('global', '2026-12-05');
const find = (metric: string, dimension: string | null) =>
  queries.find((q) => q.metrics[0] === metric && (dimension === null ? q.dimensions.length === 0 : q.dimensions.includes(dimension as never)))!;

describe('firstViewQueries', () => {
  it("asks the default layout's queries for global over the last 12 months, unfiltered, each once", () => {
    expect(queries.length).toBeGreaterThan(10);
    expect(new Set(queries.map((q) => JSON.stringify(q))).size).toBe(queries.length);
    for (const q of queries) {
      expect(q.community).toBe('global');
      expect(q.filters).toEqual([]);
      expect(q.date_range).toEqual(['2026-01-01', '2026-12-31']);
      expect(QueryRequestSchema.safeParse(q).success).toBe(true);
    }
    // Record and usage widgets, by time and by field.
    expect(find('records', 'time:month')).toBeDefined();
    expect(find('views', 'field:countries')).toBeDefined();
  });
});

describe('withOtherFieldFilter', () => {
  it('filters record queries by resource type, usage queries by country', () => {
    expect(withOtherFieldFilter(find('records', null)).filters).toEqual([['is', 'field:resource_types', ['dataset']]]);
    expect(withOtherFieldFilter(find('views', 'time:month')).filters).toEqual([['is', 'field:countries', ['US']]]);
  });

  it('never filters on the field the query breaks down by', () => {
    expect(withOtherFieldFilter(find('records', 'field:resource_types')).filters).toEqual([['is', 'field:access_statuses', ['open']]]);
    expect(withOtherFieldFilter(find('views', 'field:countries')).filters).toEqual([['is', 'field:resource_types', ['dataset']]]);
  });

  it('gives every first-view query a valid filtered twin that differs from it', () => {
    for (const q of queries) {
      const filtered = withOtherFieldFilter(q);
      expect(filtered.filters).toHaveLength(1);
      expect(QueryRequestSchema.safeParse(filtered).success).toBe(true);
      expect({ ...filtered, filters: [] }).toEqual(q);
    }
  });
});

describe('queryPath', () => {
  it('carries the query as the q parameter the dashboard sends', () => {
    const q = find('views', 'field:countries');
    const url = new URL(queryPath(q), 'http://localhost');
    expect(url.pathname).toBe('/api/v1/query');
    expect(JSON.parse(url.searchParams.get('q')!)).toEqual(q);
  });
});
