/**
 * Worker thread for parallel event generation: plans the same demo as the main thread (the plan is
 * deterministic), then serialises the events of the day ranges it is asked for.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { generateEvents } from './events';
import { planDemo } from './plan';
import type { DemoSizeName } from './sizes';

export interface EventChunkRequest {
  id: number;
  fromDay: number;
  toDay: number;
}

export interface EventChunk {
  id: number;
  /** NDJSON text, one event per line, each line ending in a newline. */
  text: string;
  lines: number;
}

const plan = planDemo(workerData as { size: DemoSizeName; seed: number; endDate: string });

parentPort!.on('message', (request: EventChunkRequest) => {
  let text = '';
  let lines = 0;
  for (const event of generateEvents(plan, request)) {
    text += JSON.stringify(event) + '\n';
    lines++;
  }
  parentPort!.postMessage({ id: request.id, text, lines } satisfies EventChunk);
});
