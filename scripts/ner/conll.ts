import { readFileSync } from 'node:fs';
import { ENTITY_TYPES, type EntityType } from '../../lambdas/core/entities/types';

/** A gold entity: code-point offsets into the document text (CoNLL text is ASCII, so UTF-16 too). */
export interface GoldEntity {
  readonly start: number;
  readonly end: number;
  readonly type: EntityType;
}

/** One CoNLL document rebuilt exactly as `ner_eval.py` builds it. */
export interface ConllDocument {
  readonly id: string;
  /** Tokens joined by single spaces, sentences by "\n". */
  readonly text: string;
  /** Tokens per sentence. */
  readonly sentences: readonly (readonly string[])[];
  readonly entities: readonly GoldEntity[];
}

const TYPE_OF: Record<string, EntityType> = {
  PER: 'PERSON',
  ORG: 'ORGANIZATION',
  LOC: 'LOCATION',
  MISC: 'MISC',
};

/** Reads a CoNLL-2003 file (IOB1 or IOB2 tags in the last column); ids follow ner_eval.py (`testa-0001`). */
export function readConll(path: string): ConllDocument[] {
  const base = path.split('/').pop() ?? path;
  const prefix = base.includes('.') ? base.slice(base.lastIndexOf('.') + 1) : base;
  const raw: string[][][][] = [];
  let doc: string[][][] = [];
  let sent: string[][] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const fields = line.trim().split(/\s+/).filter(Boolean);
    if (fields.length === 0) {
      if (sent.length > 0) doc.push(sent);
      sent = [];
      continue;
    }
    if (fields[0] === '-DOCSTART-') {
      if (sent.length > 0) doc.push(sent);
      sent = [];
      if (doc.length > 0) raw.push(doc);
      doc = [];
      continue;
    }
    sent.push(fields);
  }
  if (sent.length > 0) doc.push(sent);
  if (doc.length > 0) raw.push(doc);
  return raw.map((d, i) => buildDocument(`${prefix}-${String(i + 1).padStart(4, '0')}`, d));
}

function buildDocument(id: string, sentences: string[][][]): ConllDocument {
  let text = '';
  const entities: GoldEntity[] = [];
  sentences.forEach((sent, si) => {
    if (si > 0) text += '\n';
    let cur: { start: number; end: number; type: string } | undefined;
    const flush = (): void => {
      if (cur === undefined) return;
      const type = TYPE_OF[cur.type];
      if (type === undefined) throw new Error(`${id}: unknown entity type ${cur.type}`);
      entities.push({ start: cur.start, end: cur.end, type });
      cur = undefined;
    };
    sent.forEach((fields, ti) => {
      if (ti > 0) text += ' ';
      const word = fields[0] as string;
      const tag = fields[fields.length - 1] as string;
      const start = text.length;
      text += word;
      const end = text.length;
      if (tag === 'O') {
        flush();
        return;
      }
      const m = /^([IB])-(.+)$/.exec(tag);
      if (!m) throw new Error(`${id}: bad NER tag ${tag}`);
      if (m[1] === 'I' && cur !== undefined && cur.type === m[2]) cur.end = end;
      else {
        flush();
        cur = { start, end, type: m[2] as string };
      }
    });
    flush();
  });
  return { id, text, sentences: sentences.map((s) => s.map((f) => f[0] as string)), entities };
}

/** Type names used in reports, in the order of ENTITY_TYPES. */
export const SHORT_TYPE: Record<EntityType, string> = {
  PERSON: 'PER',
  ORGANIZATION: 'ORG',
  LOCATION: 'LOC',
  MISC: 'MISC',
};

void ENTITY_TYPES;
