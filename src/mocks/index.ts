/**
 * `repostats/mocks`: the MSW handlers and synthetic bundles the package's own tests use, for host
 * applications' tests and Storybooks (needs `msw` 2 installed by the host).
 */
export { createHandlers, handlers, MOCK_COMMUNITIES } from './handlers';
export type { MockHandlerOptions } from './handlers';
export { bundleFrom, mockBundle, MOCK_FIRST_DAY } from './bundles';
export type { BundleFromOptions, MockBundleOptions } from './bundles';
