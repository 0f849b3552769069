/** Argument parsers shared by the CLI commands (commander reports their errors with the option). */
import { InvalidArgumentError } from 'commander';

/** A calendar day `YYYY-MM-DD`. */
export function parseDay(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw new InvalidArgumentError('expected a date YYYY-MM-DD');
  }
  return value;
}
