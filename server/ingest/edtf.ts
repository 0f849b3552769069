/**
 * EDTF publication dates → the first day they cover, as 'YYYY-MM-DD'.
 * `2020` → 2020-01-01, `2020-10` → 2020-10-01, `2020-10-13` as is, intervals (`2020/2021`,
 * `2020-10/..`) by their start, uncertainty marks (`2020?`, `2020~`) ignored, seasons (`2020-21`)
 * by their first month. Returns null when nothing usable is there.
 */
const SEASON_START: Record<number, number> = { 21: 3, 22: 6, 23: 9, 24: 12 };

export function edtfStartDay(value: string | null | undefined): string | null {
  if (!value) return null;
  const parts = value.replace(/[?~%]/g, '').split('/');
  const start = parts.find((p) => p.trim() !== '' && p.trim() !== '..');
  if (!start) return null;
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(start.trim());
  if (!m) return null;
  const year = Number(m[1]);
  let month = m[2] ? Number(m[2]) : 1;
  if (month > 12) month = SEASON_START[month] ?? 1;
  const day = m[3] && m[2] && Number(m[2]) <= 12 ? Number(m[3]) : 1;
  if (month < 1 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  // Reject impossible days (2021-02-30) instead of letting Date roll them over.
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}
