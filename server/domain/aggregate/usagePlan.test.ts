import { describe, expect, it } from 'vitest';
import { planUsage } from './usagePlan';

describe('planUsage', () => {
  it.each([
    {
      name: 'when nothing was aggregated, then every day from the first event is new, one unit per month',
      args: { bookmark: null, firstEvent: '2024-01-30', lastDay: '2024-02-02', dirt: [] },
      units: [
        { month: '2024-01', allRanges: [{ from: '2024-01-30', to: '2024-01-31' }], communities: [], advancesTo: '2024-01-31' },
        { month: '2024-02', allRanges: [{ from: '2024-02-01', to: '2024-02-02' }], communities: [], advancesTo: '2024-02-02' },
      ],
    },
    {
      name: "when events arrived late ('*'), then exactly those days are recomputed for every community",
      args: { bookmark: '2024-03-10', firstEvent: '2024-01-01', lastDay: '2024-03-10', dirt: [{ community_id: '*', day: '2024-02-05' }] },
      units: [{ month: '2024-02', allRanges: [{ from: '2024-02-05', to: '2024-02-05' }], communities: [], advancesTo: null }],
    },
    {
      name: 'when a community is dirty from a day, then it is recomputed from that day to the bookmark, month by month',
      args: { bookmark: '2024-03-10', firstEvent: '2024-01-01', lastDay: '2024-03-10', dirt: [{ community_id: 'c1', day: '2024-02-20' }] },
      units: [
        { month: '2024-02', allRanges: [], communities: ['c1'], communityRange: { from: '2024-02-20', to: '2024-02-29' }, carryOver: true },
        { month: '2024-03', allRanges: [], communities: ['c1'], communityRange: { from: '2024-03-01', to: '2024-03-10' }, carryOver: false },
      ],
    },
  ])('$name', ({ args, units }) => {
    expect(planUsage(args)).toMatchObject(units);
  });
});
