/**
 * Shortens a long name in the middle, keeping its start and its end ("Creative Commons Attri…
 * 4.0 International"), so names sharing a long prefix stay distinguishable. Counts code points.
 */
export function truncateMiddle(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max || max < 3) return text;
  const keep = max - 1;
  const head = Math.ceil(keep / 2);
  const tail = keep - head;
  return `${chars.slice(0, head).join('').trimEnd()}…${chars.slice(chars.length - tail).join('').trimStart()}`;
}
