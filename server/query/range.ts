/**
 * Date ranges of the query API. The functions live in src/core/queryRange.ts, shared with the
 * component's mock API (src/mocks) so both resolve ranges, periods and comparisons alike.
 */
export * from '../../src/core/queryRange';
