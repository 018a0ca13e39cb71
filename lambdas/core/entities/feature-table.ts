/**
 * Open-addressing hash table from 32-bit feature keys to weight rows. Typed arrays keep lookups free of
 * allocation and far faster than a `Map` in the tagging loop.
 */
export class FeatureTable {
  private readonly keys: Uint32Array;
  private readonly rows: Int32Array;
  private readonly mask: number;

  /** Builds the table for `keys`; key `keys[i]` maps to row `i`. Keys must be distinct. */
  public constructor(keys: Uint32Array) {
    let size = 16;
    while (size < keys.length * 2) size <<= 1;
    this.mask = size - 1;
    this.keys = new Uint32Array(size);
    this.rows = new Int32Array(size).fill(-1);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as number;
      let slot = (key ^ (key >>> 15)) & this.mask;
      while (this.rows[slot] !== -1) slot = (slot + 1) & this.mask;
      this.keys[slot] = key;
      this.rows[slot] = i;
    }
  }

  /** The row of `key`, or -1 when the model has no such feature. */
  public get(key: number): number {
    let slot = (key ^ (key >>> 15)) & this.mask;
    for (;;) {
      const row = this.rows[slot] as number;
      if (row === -1 || this.keys[slot] === key) return row;
      slot = (slot + 1) & this.mask;
    }
  }
}
