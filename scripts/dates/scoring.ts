/** A span with the attributes TempEval-3 scores. */
export interface ScoredSpan {
  readonly start: number;
  readonly end: number;
  readonly type?: string | undefined;
  readonly value?: string | undefined;
}

/** Precision, recall and F1 in percent. */
export interface Prf {
  readonly p: number;
  readonly r: number;
  readonly f1: number;
}

/** TempEval-3 figures for one view (all types, or DATE/TIME only). */
export interface Figures {
  readonly gold: number;
  readonly predicted: number;
  readonly strict: Prf;
  readonly relaxed: Prf;
  /** Attribute F1 = accuracy on relaxed matches × relaxed F1 (TempEval-3's evaluate_entities.py). */
  readonly value: Prf & { readonly accuracy: number };
  readonly type: Prf & { readonly accuracy: number };
}

const overlap = (a: ScoredSpan, b: ScoredSpan) => Math.min(a.end, b.end) - Math.max(a.start, b.start);
const sameSpan = (a: ScoredSpan, b: ScoredSpan) => a.start === b.start && a.end === b.end;

/** Number of one-to-one identical-offset pairs. */
export function strictMatches(gold: readonly ScoredSpan[], predicted: readonly ScoredSpan[]): number {
  const counts = new Map<string, number>();
  for (const p of predicted) counts.set(`${p.start}:${p.end}`, (counts.get(`${p.start}:${p.end}`) ?? 0) + 1);
  let n = 0;
  for (const g of gold) {
    const key = `${g.start}:${g.end}`;
    const left = counts.get(key) ?? 0;
    if (left > 0) {
      n++;
      counts.set(key, left - 1);
    }
  }
  return n;
}

/**
 * One-to-one maximum-cardinality matching of overlapping spans (gold index → predicted index). Identical spans pair
 * first; then augmenting paths try candidates exact-first, leftmost-first, larger overlap first, as the reference
 * scorer does, so both pick the same pairs.
 */
export function relaxedMatching(
  gold: readonly ScoredSpan[],
  predicted: readonly ScoredSpan[],
): Map<number, number> {
  const adjacency = gold.map((g) =>
    predicted
      .map((p, j) => ({ p, j }))
      .filter(({ p }) => p.start < p.end && overlap(g, p) > 0)
      .sort(
        (a, b) =>
          Number(!sameSpan(a.p, g)) - Number(!sameSpan(b.p, g)) ||
          a.p.start - b.p.start ||
          overlap(g, b.p) - overlap(g, a.p) ||
          a.j - b.j,
      )
      .map(({ j }) => j),
  );
  const owner = new Map<number, number>();
  const tryAssign = (i: number, seen: Set<number>): boolean => {
    for (const j of adjacency[i] ?? []) {
      if (seen.has(j)) continue;
      seen.add(j);
      const current = owner.get(j);
      if (current === undefined || tryAssign(current, seen)) {
        owner.set(j, i);
        return true;
      }
    }
    return false;
  };
  gold.forEach((g, i) => {
    for (const j of adjacency[i] ?? []) {
      const p = predicted[j];
      if (p !== undefined && sameSpan(p, g) && !owner.has(j)) {
        owner.set(j, i);
        break;
      }
    }
  });
  const matched = new Set(owner.values());
  gold.forEach((_, i) => {
    if (!matched.has(i) && (adjacency[i]?.length ?? 0) > 0) tryAssign(i, new Set());
  });
  const out = new Map<number, number>();
  for (const [j, i] of owner) out.set(i, j);
  return out;
}

/** Accumulates counts over documents; `figures()` gives the micro-averaged scores. */
export class TimexCounts {
  private gold = 0;
  private predicted = 0;
  private strict = 0;
  private relaxed = 0;
  private value = 0;
  private type = 0;

  /** Adds one document's gold and predicted spans. */
  public add(gold: readonly ScoredSpan[], predicted: readonly ScoredSpan[]): void {
    this.gold += gold.length;
    this.predicted += predicted.length;
    this.strict += strictMatches(gold, predicted);
    const matching = relaxedMatching(gold, predicted);
    this.relaxed += matching.size;
    for (const [i, j] of matching) {
      const g = gold[i];
      const p = predicted[j];
      if (g === undefined || p === undefined) continue;
      if ((g.value ?? '').trim() === (p.value ?? '').trim()) this.value++;
      if (normType(g.type) === normType(p.type)) this.type++;
    }
  }

  /** Micro-averaged figures in percent. */
  public figures(): Figures {
    // Same arithmetic and rounding as the reference scorer, so the printed digits agree too.
    const pct = (x: number) => Math.round(100 * x * 1e4) / 1e4;
    const fractions = (correct: number) => {
      const p = this.predicted === 0 ? 0 : correct / this.predicted;
      const r = this.gold === 0 ? 0 : correct / this.gold;
      return { p, r, f: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
    };
    const prf = (correct: number): Prf => {
      const { p, r, f } = fractions(correct);
      return { p: pct(p), r: pct(r), f1: pct(f) };
    };
    const relaxed = prf(this.relaxed);
    const relaxedF = fractions(this.relaxed).f;
    const attribute = (correct: number) => {
      const accuracy = this.relaxed === 0 ? 0 : correct / this.relaxed;
      return { ...prf(correct), f1: pct(accuracy * relaxedF), accuracy: pct(accuracy) };
    };
    return {
      gold: this.gold,
      predicted: this.predicted,
      strict: prf(this.strict),
      relaxed,
      value: attribute(this.value),
      type: attribute(this.type),
    };
  }
}

/** Type as TempEval-3 compares it: trimmed, upper case, missing = DATE. */
export function normType(type: string | undefined): string {
  const t = (type ?? '').trim().toUpperCase();
  return t === '' ? 'DATE' : t;
}
