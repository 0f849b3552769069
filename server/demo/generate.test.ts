import { describe, expect, it } from 'vitest';
import {
  InvenioRecordSchema,
  MembershipEventSchema,
  USAGE_EVENT_SCHEMAS,
  usageEventShape,
} from '../ingest/inputs';
import { generateDemo, type Demo } from './generate';
import { DEMO_SIZES } from './sizes';

const END = '2026-06-30';

function firstLines(items: Iterable<unknown>, n: number): string[] {
  const out: string[] = [];
  for (const item of items) {
    out.push(JSON.stringify(item));
    if (out.length === n) break;
  }
  return out;
}

function count(items: Iterable<unknown>): number {
  let n = 0;
  for (const _ of items) n++;
  return n;
}

describe('generateDemo determinism', () => {
  const a = generateDemo({ size: 'tiny', seed: 42, endDate: END });
  const b = generateDemo({ size: 'tiny', seed: 42, endDate: END });
  const c = generateDemo({ size: 'tiny', seed: 43, endDate: END });

  it.each(['records', 'memberships', 'events'] as const)('when the seed is the same, then the first %s lines are identical', (kind) => {
    expect(firstLines(a[kind], 300)).toEqual(firstLines(b[kind], 300));
  });

  it.each(['records', 'memberships', 'events'] as const)('when the seed differs, then the %s differ', (kind) => {
    expect(firstLines(a[kind], 50)).not.toEqual(firstLines(c[kind], 50));
  });

  it('when iterated twice, then the same demo yields the same events again', () => {
    expect(firstLines(a.events, 100)).toEqual(firstLines(a.events, 100));
  });
});

describe('generateDemo output validity', () => {
  const demo = generateDemo({ size: 'tiny', seed: 7, endDate: END });

  it('when records are generated, then every one passes the record input schema', () => {
    for (const record of demo.records) expect(InvenioRecordSchema.safeParse(record).error).toBeUndefined();
  });

  it('when memberships are generated, then every one passes the membership schema', () => {
    for (const m of demo.memberships) expect(MembershipEventSchema.safeParse(m).error).toBeUndefined();
  });

  it('when events are generated, then every one passes the schema of its shape, and both shapes occur', () => {
    const shapes = new Set<string>();
    for (const e of demo.events) {
      const shape = usageEventShape(e as unknown as Record<string, unknown>);
      shapes.add(shape);
      const result = USAGE_EVENT_SCHEMAS[shape].safeParse(e);
      if (!result.success) throw new Error(`${JSON.stringify(e)}: ${result.error.message}`);
    }
    expect([...shapes].sort()).toEqual(['processed', 'raw']);
  });

  it('when ids are generated, then record ids are unique and look like InvenioRDM pids', () => {
    const ids = [...demo.records].map((r) => r.id as string);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[0-9a-z]{5}-[0-9a-z]{5}$/);
  });
});

describe('generateDemo sizes', () => {
  it('when the size is tiny, then records, communities, events and the span match the stated size', () => {
    const demo = generateDemo({ size: 'tiny', seed: 1, endDate: END });
    expect(count(demo.records)).toBe(DEMO_SIZES.tiny.records);
    expect(demo.communities).toHaveLength(DEMO_SIZES.tiny.communities);
    const events = count(demo.events);
    expect(events).toBeGreaterThan(DEMO_SIZES.tiny.events * 0.9);
    expect(events).toBeLessThan(DEMO_SIZES.tiny.events * 1.1);
    expect(demo.startDate).toBe('2025-07-01');
    expect(demo.endDate).toBe(END);
  });

  it('when the size is small, then it holds 3,000 records and about 300,000 events over two years', () => {
    const demo = generateDemo({ size: 'small', seed: 1, endDate: END });
    expect(count(demo.records)).toBe(3_000);
    expect(demo.communities).toHaveLength(20);
    const events = count(demo.events);
    expect(events).toBeGreaterThan(270_000);
    expect(events).toBeLessThan(330_000);
    expect(demo.startDate).toBe('2024-07-01');
  });

  it('when no end date is given, then the data ends yesterday (UTC)', () => {
    const demo: Demo = generateDemo({ size: 'tiny', seed: 1 });
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    expect(demo.endDate).toBe(yesterday);
  });
});
