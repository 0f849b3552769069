#!/usr/bin/env node
// The npm bin: run the compiled CLI when it has been built (fast start), else the TypeScript
// sources through tsx (about 2 s more, no build step needed in a checkout).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const compiled = fileURLToPath(new URL('../dist/server/server/cli/main.js', import.meta.url));
let entry;
if (existsSync(compiled)) {
  entry = pathToFileURL(compiled).href;
} else {
  const { register } = await import('tsx/esm/api');
  register();
  entry = new URL('../server/cli/main.ts', import.meta.url).href;
}
const { main } = await import(entry);
await main(process.argv);
