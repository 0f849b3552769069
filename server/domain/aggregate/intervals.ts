/**
 * Membership history as intervals, in SQL both engines run.
 *
 * A (record, community) pair's memberships are read as a state machine ordered by date
 * ('added' before 'removed' on the same date, so a same-day add + remove is a zero-length stay):
 * repeated actions are ignored, a leading 'removed' is ignored, and each 'added' opens an interval
 * `[m_start, m_end)` closed by the next 'removed' (open when there is none). `first_stay` marks the
 * pair's first interval: the created / published bases date that one by the record, later
 * re-entries by their own membership date.
 */

/** `mem_iv(record_id, community_id, m_start, m_end, first_stay)` for every non-global community. */
export function membershipIntervalsCte(communityFilter: string): string {
  return `
mem_ev AS (
  SELECT record_id, community_id, action, date,
         LAG(action) OVER (PARTITION BY record_id, community_id ORDER BY date, action) AS prev_action
  FROM memberships
  WHERE community_id <> 'global' ${communityFilter}
),
mem_chg AS (
  SELECT record_id, community_id, action, date,
         LEAD(date) OVER (PARTITION BY record_id, community_id ORDER BY date, action) AS next_date
  FROM mem_ev
  WHERE prev_action IS NULL OR prev_action <> action
),
mem_iv AS (
  SELECT record_id, community_id, date AS m_start, next_date AS m_end,
         ROW_NUMBER() OVER (PARTITION BY record_id, community_id ORDER BY date) = 1 AS first_stay
  FROM mem_chg
  WHERE action = 'added'
)`;
}

/**
 * `rec_iv(basis, community_id, record_id, parent_id, owner_id, s, e, wf, file_count, data_volume)`:
 * each stay of a record in a community, dated by each basis. `e` is the exit day (removal from the
 * community or deletion of the record, whichever comes first; NULL while held). Global holds every
 * record from its `created` (the added basis of global) until its deletion.
 *
 * Needs `mem_iv` in scope when `includeCommunities`.
 */
export function recordIntervalsCte(options: { includeGlobal: boolean; includeCommunities: boolean }): string {
  const parts: string[] = [];
  if (options.includeCommunities) {
    parts.push(`
  SELECT b.basis, m.community_id, r.record_id,
         CASE
           WHEN b.basis = 'added' OR NOT m.first_stay THEN m.m_start
           WHEN b.basis = 'created' THEN r.created
           ELSE COALESCE(r.published, r.created)
         END AS s,
         CASE
           WHEN m.m_end IS NULL THEN r.removed
           WHEN r.removed IS NULL THEN m.m_end
           ELSE LEAST(m.m_end, r.removed)
         END AS e
  FROM mem_iv m JOIN records r ON r.record_id = m.record_id CROSS JOIN bases b`);
  }
  if (options.includeGlobal) {
    parts.push(`
  SELECT b.basis, 'global' AS community_id, r.record_id,
         CASE WHEN b.basis = 'published' THEN COALESCE(r.published, r.created) ELSE r.created END AS s,
         r.removed AS e
  FROM records r CROSS JOIN bases b`);
  }
  return `
bases AS (SELECT 'added' AS basis UNION ALL SELECT 'created' UNION ALL SELECT 'published'),
rec_stay AS (${parts.join('\n  UNION ALL')}
),
rec_iv AS MATERIALIZED (
  SELECT st.basis, st.community_id, st.record_id, r.parent_id, r.owner_id, st.s, st.e,
         (r.files_enabled AND r.file_count > 0) AS wf, r.file_count, r.data_volume
  FROM rec_stay st JOIN records r ON r.record_id = st.record_id
  WHERE st.e IS NULL OR st.e >= st.s
)`;
}
