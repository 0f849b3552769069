/** Whether the database answers a trivial statement now. */
import type { SqlEngine } from '../port';

export async function answers(db: SqlEngine): Promise<boolean> {
  try {
    await db.query('SELECT 1 AS one');
    return true;
  } catch {
    return false;
  }
}
