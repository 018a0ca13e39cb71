import type { EntitySpan, EntityType } from '../../../../lambdas/core/entities/types';

/** Spans for each `[text, type]`, found in order in `text`. */
export function spansIn(text: string, found: [string, EntityType][]): EntitySpan[] {
  let from = 0;
  return found.map(([name, type]) => {
    const start = text.indexOf(name, from);
    from = start + name.length;
    return { text: name, type, start, end: start + name.length };
  });
}
