/**
 * The seams between the project's layers, as lint rules (used by eslint.config.js; the fixtures
 * in test/lint/boundaries.test.ts show each one failing):
 * - the library (`src/`) never imports the server;
 * - `src/core` never imports React (it is the pure part both sides share);
 * - only `server/config` reads `process.env` (tests and their helpers set up environments, so they may);
 * - only `server/storage` writes SQL. The files listed in SQL_OUTSIDE_STORAGE still do; that list
 *   only shrinks: move a file's statements behind named functions in server/storage, then drop it.
 */

const NO_SERVER = { regex: '^(\\.\\./)+server(/|$)', message: 'The library (src/) never imports the server: move what both need into src/core or src/api.' };

/** Tests, their helpers and build scripts: they set up environments rather than run the server. */
const TESTS = ['**/*.test.ts', '**/*.test.tsx', '**/testing.ts', '**/testing/**', '**/testDb.ts', 'test/**', 'bench/**', 'scripts/**', 'server/build.ts'];

/** Files outside server/storage that still hold SQL statements (server/README.md keeps the count). Shrink, never grow. */
export const SQL_OUTSIDE_STORAGE = [
  'server/cache/bundleCache.ts',
  'server/cache/reconcile.ts',
  'server/cache/vocabularyStamp.ts',
  'server/domain/aggregate/facts.ts',
  'server/domain/aggregate/intervals.ts',
  'server/domain/aggregate/recordFacts.ts',
  'server/domain/aggregate/usageFacts.ts',
  'server/domain/bundles/build.ts',
  'server/domain/counting.ts',
  'server/domain/docs/get.ts',
  'server/migrate/history.ts',
  'server/query/dataState.ts',
  'server/query/labels.ts',
  'server/query/recordSql.ts',
  'server/query/scenario.ts',
  'server/query/usageSql.ts',
];

/**
 * A string that starts with an SQL keyword, in capitals as the project writes SQL: case-blind, it
 * also caught help texts and labels such as 'with --out: …' or 'With Files'.
 */
const SQL_START = '/^\\s*(SELECT|INSERT|UPDATE|DELETE|CREATE|DROP|ALTER|WITH|COPY|MERGE|TRUNCATE)\\s/';

export const boundaries = [
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            NO_SERVER,
            { regex: '^repostats-server(/|$)', message: 'The library (src/) never imports the server package.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/core/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            NO_SERVER,
            { regex: '^(react|react-dom|react-i18next|semantic-ui-react|echarts-for-react)(/|$)', message: 'src/core is pure TypeScript shared with the server: no React.' },
          ],
        },
      ],
    },
  },
  {
    files: ['server/**/*.ts', 'src/**/*.{ts,tsx}'],
    ignores: ['server/config.ts', 'server/config/**', ...TESTS],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name='process'][property.name='env']", message: 'Only server/config reads process.env: add the setting to the validated config.' },
        ...sqlSelectors(),
      ],
    },
  },
  {
    files: ['server/config.ts', 'server/config/**'],
    ignores: TESTS,
    rules: { 'no-restricted-syntax': ['error', ...sqlSelectors()] },
  },
  {
    // Allowed SQL: server/storage, and the shrinking list above (process.env stays forbidden there).
    files: ['server/storage/**', ...SQL_OUTSIDE_STORAGE],
    ignores: TESTS,
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name='process'][property.name='env']", message: 'Only server/config reads process.env: add the setting to the validated config.' },
      ],
    },
  },
];

function sqlSelectors() {
  const message = 'Only server/storage writes SQL: put the statement behind a named function there.';
  return [
    { selector: `TemplateLiteral[quasis.0.value.raw=${SQL_START}]`, message },
    { selector: `Literal[value=${SQL_START}]`, message },
  ];
}
