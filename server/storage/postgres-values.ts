/**
 * Value conversions between JavaScript and PostgreSQL for the PostgreSQL engine, chosen to match
 * what the DuckDB engine accepts and returns (see duckdb.ts `toParam`/`toJs`).
 */

const TIMESTAMP_TEXT = /^(\d{4,}-\d\d-\d\d) (\d\d:\d\d:\d\d)(\.\d+)?(?:([+-])(\d\d)(?::?(\d\d))?(?::?(\d\d))?)?$/;

/**
 * PostgreSQL timestamp text ('2024-01-02 03:04:05.123456', with '+00' for timestamptz) → ISO
 * string in UTC with milliseconds, like DuckDB's engine: sub-millisecond digits are truncated, a
 * timestamp without time zone is read as UTC. Text it cannot read ('infinity') passes through.
 */
export function parseTimestamp(text: string): string {
  const m = TIMESTAMP_TEXT.exec(text);
  if (!m) return text;
  const [, date, time, fraction = '', sign, oh = '00', om = '00', os = '00'] = m;
  const millis = (fraction.slice(1) + '000').slice(0, 3);
  const base = Date.parse(`${date}T${time}.${millis}Z`);
  if (Number.isNaN(base)) return text;
  const offsetMs = sign ? (sign === '-' ? -1 : 1) * (Number(oh) * 3600 + Number(om) * 60 + Number(os)) * 1000 : 0;
  return new Date(base - offsetMs).toISOString();
}

/** JavaScript parameter → what node-postgres should send, mirroring the DuckDB engine. */
export function toPgParam(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  // Arrays and objects travel as JSON text on both engines (pg would otherwise send arrays as PG arrays).
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return value;
}

/**
 * A named lock → the signed 64-bit key pg_advisory_lock takes (FNV-1a over the UTF-8 name, in a
 * `repostats:` namespace so other applications' advisory locks on the same database do not collide).
 */
export function lockKey(name: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of Buffer.from(`repostats:${name}`, 'utf8')) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return BigInt.asIntN(64, hash).toString();
}
