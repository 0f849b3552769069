/**
 * Writing a large body piece by piece with flat memory and a responsive event loop: text is
 * gathered into ~64 KB chunks; after each chunk the writer waits for the destination to drain
 * when it is full, and otherwise lets other requests run (`setImmediate`) before producing more.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';

const CHUNK_CHARS = 64 * 1024;

/** Waits until `out` can take more (or the turn of other work), whichever applies. */
export async function yieldTo(out: Writable): Promise<void> {
  if (out.destroyed) throw new Error('the destination was closed before the body was written');
  if (!out.writableNeedDrain) return void (await nextTurn());
  // Whichever comes first; the other listener is removed, so thousands of waits add none.
  const settled = new AbortController();
  const wait = (event: string) => once(out, event, { signal: settled.signal }).catch(() => undefined);
  await Promise.race([wait('drain'), wait('close')]);
  settled.abort();
}

export class ChunkWriter {
  private parts: string[] = [];
  private size = 0;

  constructor(private readonly out: Writable) {}

  async write(text: string): Promise<void> {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= CHUNK_CHARS) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.size === 0) return;
    this.out.write(this.parts.join(''));
    this.parts = [];
    this.size = 0;
    await yieldTo(this.out);
  }
}
