import { FeatureTable } from './feature-table';
import { LABEL_COUNT } from './labels';

// A module-level copy: transpiled imports are getters, too slow to read per token.
const L = LABEL_COUNT;

/**
 * Feature weights for tagging, stored sparsely: most features carry weight for only a few labels, so row r
 * keeps just its non-zero pairs `labels[j], values[j]` for `j` in `rowStart[r] .. rowStart[r + 1]`. That
 * keeps memory small and the hot scoring loop short and cache-friendly.
 */
export class SparseWeights {
  private readonly table: FeatureTable;

  public constructor(
    keys: Uint32Array,
    private readonly rowStart: Int32Array,
    private readonly labels: Uint8Array,
    private readonly values: Float32Array,
  ) {
    this.table = new FeatureTable(keys);
  }

  /**
   * Adds the weights of features `keys[from..to)` into `out` at `base` (one slot per label). Unknown
   * features add nothing. With `offsets`, `from..to` are token indices instead: token t's features are
   * `keys[offsets[t]..offsets[t + 1])` and go to `out` at `base + t × LABEL_COUNT` (one call per document
   * rather than per token).
   */
  public accumulate(
    keys: Uint32Array,
    from: number,
    to: number,
    out: Float32Array,
    base: number,
    offsets?: Int32Array,
  ): void {
    if (offsets === undefined) {
      this.add(keys, from, to, out, base);
      return;
    }
    for (let t = from; t < to; t++) {
      this.add(keys, offsets[t] as number, offsets[t + 1] as number, out, base + t * L);
    }
  }

  private add(keys: Uint32Array, from: number, to: number, out: Float32Array, base: number): void {
    const { rowStart, labels, values, table } = this;
    for (let k = from; k < to; k++) {
      const row = table.get(keys[k] as number);
      if (row < 0) continue;
      const end = rowStart[row + 1] as number;
      for (let j = rowStart[row] as number; j < end; j++) {
        const slot = base + (labels[j] as number);
        out[slot] = (out[slot] as number) + (values[j] as number);
      }
    }
  }
}
