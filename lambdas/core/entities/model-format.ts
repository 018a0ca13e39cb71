import { ModelFormatError } from '../errors';
import { LABEL_COUNT } from './labels';
import type { FeatureLexicon } from './lexicon';

/** One weight set: dense rows per feature key plus transition weights. */
export interface ModelStage {
  /** Feature key of each weight row. Distinct. */
  readonly keys: Uint32Array;
  /** `keys.length × LABEL_COUNT` weights. */
  readonly weights: Float32Array;
  /**
   * `LABEL_COUNT × LABEL_COUNT` transition weights, row = previous label. A later stage's transition,
   * start and end weights are added to those of the stages before it.
   */
  readonly transitions: Float32Array;
  readonly startWeights: Float32Array;
  readonly endWeights: Float32Array;
}

/**
 * A trained entity model in memory. Stage 0 tags from local and document features; an optional stage 1
 * re-scores with features of stage 0's labels (document-level consistency), on top of stage 0's scores.
 */
export interface NerModel {
  /** Stored in records as the tagger version. */
  readonly version: string;
  readonly stages: readonly ModelStage[];
  readonly lexicon: FeatureLexicon;
}

const MAGIC = 'NFNER';
const FORMAT_VERSION = 2;

interface Header {
  readonly version: string;
  readonly labels: number;
  readonly stages: readonly { readonly rows: number; readonly scale: number }[];
  readonly categories: readonly string[];
  readonly maxPhraseTokens: number;
}

/**
 * Serialises a model compactly: keys sorted and delta-encoded as varints, weights quantised to 16 bits with
 * one scale per stage and stored sparsely (a row keeps only its non-zero labels). Rows whose weights all
 * round to zero are dropped.
 */
export function encodeModel(model: NerModel): Uint8Array {
  const L = LABEL_COUNT;
  const body = new ByteWriter();
  const stages: { rows: number; scale: number }[] = [];
  for (const stage of model.stages) {
    let maxAbs = 0;
    for (const w of stage.weights) maxAbs = Math.max(maxAbs, Math.abs(w));
    const scale = maxAbs > 0 ? maxAbs / 32767 : 1;
    const order = Array.from(stage.keys.keys()).sort(
      (a, b) => (stage.keys[a] as number) - (stage.keys[b] as number),
    );
    const kept = order.filter((r) => {
      for (let y = 0; y < L; y++)
        if (Math.round((stage.weights[r * L + y] as number) / scale) !== 0) return true;
      return false;
    });
    stages.push({ rows: kept.length, scale });
    for (const a of [stage.transitions, stage.startWeights, stage.endWeights]) for (const v of a) body.f32(v);
    let last = 0;
    for (const r of kept) {
      const key = stage.keys[r] as number;
      body.varint(key - last);
      last = key;
    }
    for (const r of kept) {
      const entries: [number, number][] = [];
      for (let y = 0; y < L; y++) {
        const q = Math.round((stage.weights[r * L + y] as number) / scale);
        if (q !== 0) entries.push([y, q]);
      }
      body.u8(entries.length);
      for (const [y, q] of entries) {
        body.u8(y);
        body.i16(q);
      }
    }
  }
  body.text([...model.lexicon.phrases].map(([p, m]) => `${m}\t${p}`).join('\n'));
  body.text([...model.lexicon.clusters].map(([w, c]) => `${c}\t${w}`).join('\n'));
  const header: Header = {
    version: model.version,
    labels: L,
    stages,
    categories: model.lexicon.categories,
    maxPhraseTokens: model.lexicon.maxPhraseTokens,
  };
  const out = new ByteWriter();
  out.bytes(new TextEncoder().encode(MAGIC));
  out.u8(FORMAT_VERSION);
  out.text(JSON.stringify(header));
  out.bytes(body.finish());
  return out.finish();
}

/** Reads a model written by {@link encodeModel}; throws {@link ModelFormatError} on anything else. */
export function decodeModel(bytes: Uint8Array): NerModel {
  try {
    return decode(bytes);
  } catch (cause) {
    if (cause instanceof ModelFormatError) throw cause;
    throw new ModelFormatError('Entity model is truncated or corrupt', { cause });
  }
}

function decode(bytes: Uint8Array): NerModel {
  const r = new ByteReader(bytes);
  if (new TextDecoder().decode(r.bytes(MAGIC.length)) !== MAGIC)
    throw new ModelFormatError('Not an entity model');
  const format = r.u8();
  if (format !== FORMAT_VERSION) throw new ModelFormatError(`Unsupported entity model format ${format}`);
  const header = JSON.parse(r.text()) as Header;
  const L = LABEL_COUNT;
  if (header.labels !== L) throw new ModelFormatError(`Model has ${header.labels} labels, expected ${L}`);
  if (!Array.isArray(header.stages) || header.stages.length === 0)
    throw new ModelFormatError('Model has no stages');
  const stages = header.stages.map(({ rows, scale }): ModelStage => {
    const transitions = new Float32Array(L * L);
    const startWeights = new Float32Array(L);
    const endWeights = new Float32Array(L);
    for (const a of [transitions, startWeights, endWeights])
      for (let i = 0; i < a.length; i++) a[i] = r.f32();
    const keys = new Uint32Array(rows);
    let last = 0;
    for (let i = 0; i < rows; i++) {
      last += r.varint();
      keys[i] = last;
    }
    const weights = new Float32Array(rows * L);
    for (let i = 0; i < rows; i++) {
      const count = r.u8();
      for (let k = 0; k < count; k++) {
        const y = r.u8();
        if (y >= L) throw new ModelFormatError(`Label ${y} out of range`);
        weights[i * L + y] = r.i16() * scale;
      }
    }
    return { keys, weights, transitions, startWeights, endWeights };
  });
  const phrases = new Map<string, number>();
  for (const line of splitLines(r.text())) {
    const tab = line.indexOf('\t');
    phrases.set(line.slice(tab + 1), Number(line.slice(0, tab)));
  }
  const clusters = new Map<string, string>();
  for (const line of splitLines(r.text())) {
    const tab = line.indexOf('\t');
    clusters.set(line.slice(tab + 1), line.slice(0, tab));
  }
  if (!r.atEnd()) throw new ModelFormatError('Trailing bytes after entity model');
  return {
    version: header.version,
    stages,
    lexicon: { phrases, maxPhraseTokens: header.maxPhraseTokens, categories: header.categories, clusters },
  };
}

function splitLines(text: string): string[] {
  return text.length === 0 ? [] : text.split('\n');
}

class ByteWriter {
  private buf = new Uint8Array(1 << 16);
  private view = new DataView(this.buf.buffer);
  private pos = 0;

  private ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }

  public u8(v: number): void {
    this.ensure(1);
    this.buf[this.pos++] = v;
  }

  public i16(v: number): void {
    this.ensure(2);
    this.view.setInt16(this.pos, v, true);
    this.pos += 2;
  }

  public f32(v: number): void {
    this.ensure(4);
    this.view.setFloat32(this.pos, v, true);
    this.pos += 4;
  }

  public u32(v: number): void {
    this.ensure(4);
    this.view.setUint32(this.pos, v, true);
    this.pos += 4;
  }

  public varint(v: number): void {
    let x = v;
    while (x >= 0x80) {
      this.u8((x & 0x7f) | 0x80);
      x = Math.floor(x / 128);
    }
    this.u8(x);
  }

  public bytes(b: Uint8Array): void {
    this.ensure(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }

  public text(s: string): void {
    const b = new TextEncoder().encode(s);
    this.u32(b.length);
    this.bytes(b);
  }

  public finish(): Uint8Array {
    return this.buf.slice(0, this.pos);
  }
}

class ByteReader {
  private readonly view: DataView;
  private pos = 0;

  public constructor(private readonly buf: Uint8Array) {
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  }

  private need(n: number): void {
    if (this.pos + n > this.buf.length) throw new ModelFormatError('Entity model is truncated');
  }

  public u8(): number {
    this.need(1);
    return this.buf[this.pos++] as number;
  }

  public i16(): number {
    this.need(2);
    const v = this.view.getInt16(this.pos, true);
    this.pos += 2;
    return v;
  }

  public f32(): number {
    this.need(4);
    const v = this.view.getFloat32(this.pos, true);
    this.pos += 4;
    return v;
  }

  public u32(): number {
    this.need(4);
    const v = this.view.getUint32(this.pos, true);
    this.pos += 4;
    return v;
  }

  public varint(): number {
    let result = 0;
    let factor = 1;
    for (;;) {
      const b = this.u8();
      result += (b & 0x7f) * factor;
      if (b < 0x80) return result;
      factor *= 128;
      if (factor > 2 ** 35) throw new ModelFormatError('Varint too long');
    }
  }

  public bytes(n: number): Uint8Array {
    this.need(n);
    const b = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return b;
  }

  public text(): string {
    return new TextDecoder().decode(this.bytes(this.u32()));
  }

  public atEnd(): boolean {
    return this.pos === this.buf.length;
  }
}
