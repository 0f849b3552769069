/** Types of eslint.boundaries.js (plain JS, as ESLint loads it), for the test that checks it. */
export const SQL_OUTSIDE_STORAGE: string[];
export const boundaries: unknown[];
