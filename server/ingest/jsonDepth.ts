/**
 * How deep a JSON text nests, found by scanning it (not parsing), so a line nested 200,000 deep is
 * refused before `JSON.parse` or `JSON.stringify` can run out of stack on it.
 */

/** Deeper than any record, event or membership line has reason to be. */
export const MAX_JSON_DEPTH = 64;

/**
 * Whether `text` nests arrays and objects more than `max` levels deep (brackets inside strings
 * do not count).
 *
 * @example
 * nestedDeeperThan('[[1]]', 1) // true
 * nestedDeeperThan('["[["]', 1) // false
 */
export function nestedDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

export const tooDeepMessage = `nested deeper than ${MAX_JSON_DEPTH} levels`;
