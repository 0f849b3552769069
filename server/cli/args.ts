/** Argument parsers shared by the CLI commands (commander reports their errors with the option). */
import { InvalidArgumentError } from 'commander';
import { isRealDay, lastInputDay, outsideWindow } from '../../src/core/dateWindow';

/** A real calendar day `YYYY-MM-DD` inside the input window: 1990-01-01 to tomorrow (UTC). */
export function parseDay(value: string): string {
  return dayInWindow(value, new Date());
}

export function dayInWindow(value: string, now: Date): string {
  if (!isRealDay(value)) throw new InvalidArgumentError('expected a real date YYYY-MM-DD');
  const problem = outsideWindow(value, lastInputDay(now));
  if (problem) throw new InvalidArgumentError(problem);
  return value;
}
