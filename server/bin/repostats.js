#!/usr/bin/env node
// The `repostats` command. An installed package runs its build (dist/repostats.js, plain
// JavaScript: node alone). A checkout, where the TypeScript sources sit beside this file, runs
// them through tsx (a dev dependency; about 2 s more, no build step, never a stale build).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const sources = new URL('../cli/main.ts', import.meta.url);
let entry;
if (existsSync(fileURLToPath(sources))) {
  const { register } = await import('tsx/esm/api');
  register();
  entry = sources.href;
} else {
  entry = new URL('../dist/repostats.js', import.meta.url).href;
}
const { main } = await import(entry);
await main(process.argv);
