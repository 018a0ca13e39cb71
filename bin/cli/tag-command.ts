import { readFileSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { parseArgs } from 'node:util';
import { loadTaggers } from '../../lambdas/adapters/load-taggers';
import { parseReferenceDate } from '../../lambdas/core/dates/reference-date';
import { type TaggedText, type Taggers, tagText } from '../../lambdas/core/tagging/tag-text';
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
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new UsageError(`cannot read ${file}: ${(cause as Error).message}`, { cause });
  }
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

/**
 * Streams JSON lines. Input is read in chunks and every complete line of a chunk is tagged before the answers
 * go out in one write (with back-pressure): a write per line cost more than some documents take to tag.
 * Memory stays bounded by the chunk size, and each chunk's answers are written before the next is read.
 */
async function tagJsonLines(taggers: Taggers, defaultPublished: string): Promise<number> {
  const state = { failures: 0, lineNo: 0 };
  const decoder = new StringDecoder('utf8');
  let pending = '';
  for await (const chunk of process.stdin) {
    let text = pending + decoder.write(chunk as Buffer);
    // A final '\r' may be the first half of a '\r\n' split across chunks: keep it for the next one.
    const end = text.endsWith('\r') ? text.length - 1 : text.length;
    const cut = Math.max(text.lastIndexOf('\n', end - 1), text.lastIndexOf('\r', end - 1));
    if (cut < 0) {
      pending = text;
      continue;
    }
    pending = text.slice(cut + 1);
    text = text.slice(0, cut);
    await writeChunk(answerLines(text.split(LINE_BREAK), taggers, defaultPublished, state));
  }
  const rest = pending + decoder.end();
  if (rest.length > 0)
    await writeChunk(answerLines(rest.split(LINE_BREAK), taggers, defaultPublished, state));
  return state.failures === 0 ? 0 : 1;
}

/** Line breaks as readline counts them. */
const LINE_BREAK = /\r\n|\r|\n/;

/** Tags each line, returning the output lines (newline-terminated) joined for one write. */
function answerLines(
  lines: readonly string[],
  taggers: Taggers,
  defaultPublished: string,
  state: { failures: number; lineNo: number },
): string {
  let out = '';
  for (const line of lines) {
    state.lineNo++;
    if (line.trim().length === 0) continue;
    out += `${answerLine(line, state.lineNo, taggers, defaultPublished, state)}\n`;
  }
  return out;
}

function answerLine(
  line: string,
  lineNo: number,
  taggers: Taggers,
  defaultPublished: string,
  state: { failures: number },
): string {
  let id: unknown = null;
  try {
    const doc = JSON.parse(line) as { id?: unknown; text?: unknown; published?: unknown };
    id = doc.id ?? null;
    if (typeof doc.text !== 'string') throw new UsageError('"text" must be a string');
    const published = typeof doc.published === 'string' && doc.published ? doc.published : defaultPublished;
    return contractAnswer(id, tagText(doc.text, published, taggers));
  } catch (error) {
    state.failures++;
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    process.stderr.write(`newsflow tag: line ${lineNo}: ${message}\n`);
    return JSON.stringify({ id, entities: [], dates: [], error: message });
  }
}

/** Writes to stdout, waiting when the pipe is full so memory stays constant on long streams. */
function writeChunk(text: string): Promise<void> {
  if (text.length === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const ok = process.stdout.write(text, (error) => {
      if (error) reject(error);
    });
    if (ok) resolve();
    else process.stdout.once('drain', () => resolve());
  });
}

/** The contract's answer for one document: `{"id","entities","dates"}` with code-point offsets. */
export function contractAnswer(id: unknown, tagged: TaggedText): string {
  return JSON.stringify({
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
  });
}
