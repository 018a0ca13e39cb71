import { FeatureTable } from './feature-table';
import { LABEL_COUNT } from './labels';

/**
 * Feature weights for tagging, stored sparsely: most features carry weight for only a few labels, so each
 * row keeps just its non-zero (label, weight) pairs. That shrinks memory several-fold and keeps the hot
 * scoring loop short and cache-friendly.
 */
export class SparseWeights {
  private readonly table: FeatureTable;
  private readonly rowStart: Int32Array;
  private readonly labels: Uint8Array;
  private readonly values: Float32Array;

  /** Indexes dense `keys.length × LABEL_COUNT` weights. */
  public constructor(keys: Uint32Array, dense: Float32Array) {
    const L = LABEL_COUNT;
    this.table = new FeatureTable(keys);
    let nnz = 0;
    for (const w of dense) if (w !== 0) nnz++;
    this.rowStart = new Int32Array(keys.length + 1);
    this.labels = new Uint8Array(nnz);
    this.values = new Float32Array(nnz);
    let k = 0;
    for (let r = 0; r < keys.length; r++) {
      this.rowStart[r] = k;
      for (let y = 0; y < L; y++) {
        const w = dense[r * L + y] as number;
        if (w === 0) continue;
        this.labels[k] = y;
        this.values[k] = w;
        k++;
      }
    }
    this.rowStart[keys.length] = k;
  }

  /**
   * Adds the weights of features `keys[from..to)` into `out` at `base` (one slot per label). Unknown
   * features add nothing.
   */
  public accumulate(keys: Uint32Array, from: number, to: number, out: Float32Array, base: number): void {
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
