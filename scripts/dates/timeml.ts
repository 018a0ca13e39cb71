import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

/** A gold TIMEX3: UTF-16 offsets into the document text, end exclusive. */
export interface GoldTimex {
  readonly start: number;
  readonly end: number;
  readonly type: string;
  readonly value: string;
  readonly mod: string | undefined;
  readonly text: string;
}

/** One TimeML document: the text of `<TEXT>` with markup removed, its publication date and gold TIMEX3s. */
export interface TimemlDocument {
  readonly id: string;
  readonly text: string;
  readonly published: string | undefined;
  readonly gold: GoldTimex[];
}

const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const ENTITY = /&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z_][\w.-]*);/g;
const TOKEN =
  /<!\[CDATA\[([\s\S]*?)\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
const ATTRIBUTE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Decodes character references and the five predefined XML entities; unknown entities stay as written. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(ENTITY, (whole, e: string) => {
    if (e.startsWith('#x') || e.startsWith('#X'))
      return String.fromCodePoint(Number.parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(Number.parseInt(e.slice(1), 10));
    return PREDEFINED[e] ?? whole;
  });
}

function parseAttributes(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of s.matchAll(ATTRIBUTE)) out[m[1] ?? ''] = decodeEntities(m[2] ?? m[3] ?? '');
  return out;
}

/** Parses the body of `<TEXT>`: plain text (every character kept, newlines included) and the TIMEX3 elements. */
export function parseTextBody(body: string): { text: string; timexes: GoldTimex[] } {
  const parts: string[] = [];
  let length = 0;
  let last = 0;
  const stack: { name: string; attributes: Record<string, string>; start: number }[] = [];
  const found: { start: number; end: number; attributes: Record<string, string> }[] = [];
  const emit = (segment: string) => {
    parts.push(segment);
    length += segment.length;
  };
  for (const m of body.matchAll(TOKEN)) {
    if (m.index > last) emit(decodeEntities(body.slice(last, m.index)));
    last = m.index + m[0].length;
    if (m[1] !== undefined) {
      emit(m[1]);
      continue;
    }
    const name = m[3];
    if (name === undefined) continue;
    if (m[2] === '/') {
      const open = stack.pop();
      if (open === undefined || open.name !== name) throw new Error(`mismatched </${name}>`);
      if (name === 'TIMEX3') found.push({ start: open.start, end: length, attributes: open.attributes });
    } else if (m[5] === '/') {
      if (name === 'TIMEX3')
        found.push({ start: length, end: length, attributes: parseAttributes(m[4] ?? '') });
    } else stack.push({ name, attributes: parseAttributes(m[4] ?? ''), start: length });
  }
  emit(decodeEntities(body.slice(last)));
  const text = parts.join('');
  const timexes = found
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .map(({ start, end, attributes }) => ({
      start,
      end,
      type: (attributes.type ?? '').trim().toUpperCase(),
      value: attributes.value ?? '',
      mod: attributes.mod,
      text: text.slice(start, end),
    }));
  return { text, timexes };
}

/** Loads one `.tml` file; the publication date is the first ten characters of the DCT's TIMEX3 value. */
export function loadTimemlDocument(path: string): TimemlDocument {
  let raw = readFileSync(path, 'utf8');
  if (raw.startsWith('\ufeff')) raw = raw.slice(1);
  const open = /<TEXT(?:\s[^>]*)?>/.exec(raw);
  if (open === null) throw new Error(`${path}: no <TEXT>`);
  const close = raw.indexOf('</TEXT>', open.index + open[0].length);
  if (close < 0) throw new Error(`${path}: no </TEXT>`);
  const { text, timexes } = parseTextBody(raw.slice(open.index + open[0].length, close));
  const dct = /<DCT(?:\s[^>]*)?>([\s\S]*?)<\/DCT>/.exec(raw);
  let candidates =
    dct === null ? [] : [...(dct[1] ?? '').matchAll(/<TIMEX3(\s[^>]*?)\/?>/g)].map((m) => m[1] ?? '');
  if (candidates.length === 0) {
    candidates = [...raw.matchAll(/<TIMEX3(\s[^>]*?)\/?>/g)]
      .map((m) => m[1] ?? '')
      .filter((a) => a.includes('CREATION_TIME'));
  }
  const dctValue = candidates[0] === undefined ? undefined : parseAttributes(candidates[0]).value;
  const published =
    dctValue !== undefined && /^\d{4}-\d{2}-\d{2}/.test(dctValue) ? dctValue.slice(0, 10) : undefined;
  return { id: basename(path).replace(/\.tml$/, ''), text, published, gold: timexes };
}

/** Loads every `*.tml` file of a directory, sorted by name. */
export function loadTimemlDirectory(dir: string): TimemlDocument[] {
  const names = readdirSync(dir)
    .filter((n) => n.endsWith('.tml'))
    .sort();
  if (names.length === 0) throw new Error(`no *.tml files in ${dir}`);
  return names.map((n) => loadTimemlDocument(join(dir, n)));
}
