import { ENTITY_TYPES, type EntityType } from '../../lambdas/core/entities/types';

/** A typed span `[start, end)`; any unit, as long as gold and predictions agree. */
export interface TypedSpan {
  readonly start: number;
  readonly end: number;
  readonly type: EntityType;
}

/** Precision, recall and F1 in percent, with the counts they come from. */
export interface Prf {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly tp: number;
  readonly nPred: number;
  readonly nGold: number;
}

/** Exact-match entity scores per type and overall (conlleval semantics). */
export interface NerScores {
  readonly overall: Prf;
  readonly perType: Record<EntityType, Prf>;
}

/** Accumulates exact-match counts document by document. */
export class NerScorer {
  private readonly tp = new Map<EntityType, number>();
  private readonly pred = new Map<EntityType, number>();
  private readonly gold = new Map<EntityType, number>();

  /**
   * Adds one document. Identical duplicate predictions count once; a prediction is correct only if start,
   * end and type all equal a gold span's.
   */
  public add(gold: readonly TypedSpan[], predicted: readonly TypedSpan[]): void {
    const goldKeys = new Set(gold.map(key));
    for (const g of gold) this.gold.set(g.type, (this.gold.get(g.type) ?? 0) + 1);
    const seen = new Set<string>();
    for (const p of predicted) {
      const k = key(p);
      if (seen.has(k)) continue;
      seen.add(k);
      this.pred.set(p.type, (this.pred.get(p.type) ?? 0) + 1);
      if (goldKeys.has(k)) this.tp.set(p.type, (this.tp.get(p.type) ?? 0) + 1);
    }
  }

  /** The figures so far. */
  public scores(): NerScores {
    const perType = {} as Record<EntityType, Prf>;
    let tp = 0;
    let nPred = 0;
    let nGold = 0;
    for (const t of ENTITY_TYPES) {
      const c = [this.tp.get(t) ?? 0, this.pred.get(t) ?? 0, this.gold.get(t) ?? 0] as const;
      perType[t] = prf(...c);
      tp += c[0];
      nPred += c[1];
      nGold += c[2];
    }
    return { overall: prf(tp, nPred, nGold), perType };
  }
}

function key(s: TypedSpan): string {
  return `${s.start}:${s.end}:${s.type}`;
}

/** Micro precision/recall/F1 in percent, computed as conlleval and ner_eval.py do. */
export function prf(tp: number, nPred: number, nGold: number): Prf {
  const precision = nPred ? (100 * tp) / nPred : 0;
  const recall = nGold ? (100 * tp) / nGold : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, tp, nPred, nGold };
}
