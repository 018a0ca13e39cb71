/**
 * DynamoDB's stored size of an item, by the rules AWS documents ("Item sizes and formats"): what write units are
 * billed by. Pure; the table layout uses it to keep items within their write units, the bench to price them.
 */

function utf8(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/** Size of a number: about one byte per two significant digits, plus one. */
function numberSize(n: number): number {
  const digits = String(Math.abs(n))
    .replace(/e.*$/i, '')
    .replace('.', '')
    .replace(/^0+/, '')
    .replace(/0+$/, '');
  return Math.ceil(Math.max(1, digits.length) / 2) + 1;
}

/**
 * Stored size of an attribute value as the document client marshals it (strings, numbers, booleans, null,
 * lists, maps, binary). Undefined values are dropped, as `removeUndefinedValues` does.
 */
export function valueSize(value: unknown): number {
  if (typeof value === 'string') return utf8(value);
  if (typeof value === 'number') return numberSize(value);
  if (typeof value === 'boolean' || value === null) return 1;
  if (value instanceof Uint8Array) return value.length;
  if (Array.isArray(value)) {
    // A list costs 3 bytes, plus 1 per element beside the element itself.
    return 3 + value.reduce((n: number, v) => n + (v === undefined ? 0 : 1 + valueSize(v)), 0);
  }
  if (typeof value === 'object') {
    let n = 3;
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (v !== undefined) n += 1 + utf8(k) + valueSize(v);
    }
    return n;
  }
  return 0;
}

/** Stored size of an item: attribute names plus values. */
export function itemSize(item: Readonly<Record<string, unknown>>): number {
  let n = 0;
  for (const [k, v] of Object.entries(item)) if (v !== undefined) n += utf8(k) + valueSize(v);
  return n;
}
