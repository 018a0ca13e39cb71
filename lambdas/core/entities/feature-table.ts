/**
 * Open-addressing hash table from 32-bit feature keys to weight rows. Key and row share one interleaved
 * typed array, so a probe touches a single cache line; no allocation in the tagging loop.
 */
export class FeatureTable {
  private readonly slots: Int32Array;
  private readonly mask: number;

  /** Builds the table for `keys`; key `keys[i]` maps to row `i`. Keys must be distinct. */
  public constructor(keys: Uint32Array) {
    let size = 16;
    while (size < keys.length * 2) size <<= 1;
    this.mask = size - 1;
    this.slots = new Int32Array(size * 2).fill(-1);
    for (let i = 0; i < keys.length; i++) {
      const key = (keys[i] as number) | 0;
      let slot = (key ^ (key >>> 15)) & this.mask;
      while (this.slots[2 * slot + 1] !== -1) slot = (slot + 1) & this.mask;
      this.slots[2 * slot] = key;
      this.slots[2 * slot + 1] = i;
    }
  }

  /** The row of `key`, or -1 when the model has no such feature. */
  public get(key: number): number {
    const k = key | 0;
    const slots = this.slots;
    let slot = (k ^ (k >>> 15)) & this.mask;
    for (;;) {
      const row = slots[2 * slot + 1] as number;
      if (row === -1 || slots[2 * slot] === k) return row;
      slot = (slot + 1) & this.mask;
    }
  }
}
