import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { loadTaggers } from '../../lambdas/adapters/load-taggers';
import { parseReferenceDate } from '../../lambdas/core/dates/reference-date';
import { type Taggers, tagText } from '../../lambdas/core/tagging/tag-text';
import { UsageError } from './errors';
import { todayUtc, writeLine } from './io';

/**
 * `newsflow tag --jsonl`: JSON lines `{"id","text","published"?}` in, one JSON line per input out, in order.
 * `newsflow tag [--published YYYY-MM-DD] [--json] FILE`: one file, readable (or JSON) output.
 */
export async function tagCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      jsonl: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      published: { type: 'string' },
    },
    allowPositionals: true,
  });
  const published = values.published ?? todayUtc();
  parseReferenceDate(published);
  const taggers = loadTaggers();
  if (values.jsonl) return tagJsonLines(taggers, published);
  const file = positionals[0];
  if (file === undefined) throw new UsageError('tag needs --jsonl or a FILE');
  const text = readFileSync(file, 'utf8');
  const tagged = tagText(text, published, taggers);
  if (values.json) {
    await writeLine(JSON.stringify({ entities: tagged.entities, dates: tagged.dates }, null, 2));
    return 0;
  }
  await writeLine(`Entities (${tagged.entities.length}):`);
  for (const e of tagged.entities) {
    await writeLine(`  ${e.type.padEnd(12)} ${e.text}${e.canonical === e.text ? '' : ` → ${e.canonical}`}`);
  }
  await writeLine(`Dates (${tagged.dates.length}, reference ${published}):`);
  for (const d of tagged.dates) {
    await writeLine(`  ${d.type.padEnd(8)} ${d.value.padEnd(14)} ${d.text}${d.mod ? ` [${d.mod}]` : ''}`);
  }
  return 0;
}

/** Streams JSON lines: one document in memory at a time, output written with back-pressure. */
async function tagJsonLines(taggers: Taggers, defaultPublished: string): Promise<number> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  let failures = 0;
  let lineNo = 0;
  for await (const line of lines) {
    lineNo++;
    if (line.trim().length === 0) continue;
    let id: unknown = null;
    try {
      const doc = JSON.parse(line) as { id?: unknown; text?: unknown; published?: unknown };
      id = doc.id ?? null;
      if (typeof doc.text !== 'string') throw new UsageError('"text" must be a string');
      const published = typeof doc.published === 'string' && doc.published ? doc.published : defaultPublished;
      const tagged = tagText(doc.text, published, taggers);
      await writeLine(
        JSON.stringify({
          id,
          entities: tagged.entities.map(({ text, type, start, end, canonical }) => ({
            text,
            type,
            start,
            end,
            canonical,
          })),
          dates: tagged.dates.map(({ text, type, value, mod, start, end }) => ({
            text,
            type,
            value,
            ...(mod === undefined ? {} : { mod }),
            start,
            end,
          })),
        }),
      );
    } catch (error) {
      failures++;
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      process.stderr.write(`newsflow tag: line ${lineNo}: ${message}\n`);
      await writeLine(JSON.stringify({ id, entities: [], dates: [], error: message }));
    }
  }
  return failures === 0 ? 0 : 1;
}
