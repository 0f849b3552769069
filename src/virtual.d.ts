/** The scoped Fomantic UI sheet (scripts/semantic/semanticCss.ts), for the demo page and Storybook. */
declare module 'virtual:repostats-semantic.css';
