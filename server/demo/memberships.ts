/**
 * Membership history of the demo records, with true historical dates: when each record joined a
 * community (often later than its creation), and for moved records the day it was removed from
 * one community and added to another. The records' `parent.communities.ids` is the end state.
 */
import { isoDate } from './calendar';
import { NONE, type DemoPlan } from './plan';

export interface DemoMembership {
  record_id: string;
  community_id: string;
  action: 'added' | 'removed';
  date: string;
}

export function* generateMemberships(plan: DemoPlan): Generator<DemoMembership> {
  for (let i = 0; i < plan.records; i++) {
    const record_id = plan.recordIds[i]!;
    const join = isoDate(plan.joinMs[i]!);
    const former = plan.formerCommunity[i]!;
    const final = plan.finalCommunity[i]!;
    const second = plan.secondCommunity[i]!;
    const idOf = (c: number) => plan.communities[c]!.id;
    if (former !== NONE) {
      const leave = isoDate(plan.leaveMs[i]!);
      yield { record_id, community_id: idOf(former), action: 'added', date: join };
      yield { record_id, community_id: idOf(former), action: 'removed', date: leave };
      if (final !== NONE) yield { record_id, community_id: idOf(final), action: 'added', date: leave };
    } else if (final !== NONE) {
      yield { record_id, community_id: idOf(final), action: 'added', date: join };
    }
    if (second !== NONE) yield { record_id, community_id: idOf(second), action: 'added', date: join };
  }
}
