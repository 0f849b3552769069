import { describe, expect, it } from 'vitest';
import { StatusResponseSchema } from '../../../src/api/status';
import { runAggregation } from '../../domain/aggregate/run';
import { getStatus } from '../../domain/aggregate/status';
import { addMemberships, addRecords, freshDb, markDirty } from '../../domain/aggregate/testing';
import { formatStatus } from './status';

describe('repostats status', () => {
  it('when a community has pending dirty days, then its table shows them and it is not complete', async () => {
    const db = await freshDb();
    try {
      await addRecords(db, [{ id: 'r1', created: '2024-01-02' }]);
      await addMemberships(db, [['r1', 'c1', 'added', '2024-01-03']]);
      await runAggregation(db);
      await markDirty(db, 'records', 'c1', '2024-01-03');
      const status = StatusResponseSchema.parse(await getStatus(db));
      const c1 = status.communities.find((c) => c.community === 'c1');
      expect(c1?.kinds.find((k) => k.kind === 'records-delta-added')).toMatchObject({
        firstDay: '2024-01-03', bookmark: '2024-01-03', dirtyDays: 1, complete: false,
      });
      expect(status.communities.find((c) => c.community === 'global')?.kinds[0]?.complete).toBe(true);
      const text = formatStatus(status);
      expect(text).toMatch(/community c1\nkind +first day +last day +bookmark +dirty +complete/);
      expect(text).toMatch(/records-delta-added +2024-01-03 +2024-01-03 +2024-01-03 +1 +no/);
      expect(text).toContain('data as of 2024-01-03; last run');
    } finally {
      await db.close();
    }
  });
});
