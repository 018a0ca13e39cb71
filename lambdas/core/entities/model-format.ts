import { ModelFormatError } from '../errors';
import { LABEL_COUNT } from './labels';
import { type FeatureLexicon, PhraseTable, type WordFeatureGroup } from './lexicon';
import { WordTable } from './word-table';

/** One weight set as training produces it: dense rows per feature key plus transition weights. */
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

/** A stage as loaded for tagging: row `r` holds `labels/values[rowStart[r] .. rowStart[r + 1])`. */
export interface LoadedStage {
  readonly keys: Uint32Array;
  readonly rowStart: Int32Array;
  readonly labels: Uint8Array;
  readonly values: Float32Array;
  readonly transitions: Float32Array;
  readonly startWeights: Float32Array;
  readonly endWeights: Float32Array;
}

/** A model as {@link decodeModel} returns it: sparse stages, ready to index. */
export interface LoadedModel {
  readonly version: string;
  readonly stages: readonly LoadedStage[];
  readonly lexicon: FeatureLexicon;
}

const MAGIC = 'NFNER';
const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;
/** 7: word-table values hold one cluster path and both context buckets (word-table.ts). */
const FORMAT_VERSION = 7;

interface Header {
  readonly version: string;
  readonly labels: number;
  readonly stages: readonly { readonly rows: number; readonly entries: number }[];
  readonly phraseSlots: number;
  readonly categories: readonly string[];
  readonly maxPhraseTokens: number;
  readonly wordSlots: number;
  readonly wordFeatures: readonly WordFeatureGroup[];
}

/**
 * Serialises a model for fast loading: every table is a raw little-endian array that loads with one copy
 * (a Lambda cold start runs this code once, before the JIT has warmed up, so per-entry decode loops are
 * what would cost). Weights are sparse (a row keeps only its non-zero labels); all-zero rows are dropped;
 * the gazetteer is stored as its built hash table.
 */
export function encodeModel(model: NerModel): Uint8Array {
  const L = LABEL_COUNT;
  const body = new ByteWriter();
  const stages: { rows: number; entries: number }[] = [];
  for (const stage of model.stages) {
    const order = Array.from(stage.keys.keys()).sort(
      (a, b) => (stage.keys[a] as number) - (stage.keys[b] as number),
    );
    const kept = order.filter((r) => {
      for (let y = 0; y < L; y++) if ((stage.weights[r * L + y] as number) !== 0) return true;
      return false;
    });
    const counts: number[] = [];
    const labels: number[] = [];
    const values: number[] = [];
    for (const r of kept) {
      let c = 0;
      for (let y = 0; y < L; y++) {
        const w = stage.weights[r * L + y] as number;
        if (w === 0) continue;
        labels.push(y);
        values.push(w);
        c++;
      }
      counts.push(c);
    }
    stages.push({ rows: kept.length, entries: labels.length });
    body.f32s(stage.transitions);
    body.f32s(stage.startWeights);
    body.f32s(stage.endWeights);
    body.u32s(Uint32Array.from(kept, (r) => stage.keys[r] as number));
    body.bytes(Uint8Array.from(counts));
    body.bytes(Uint8Array.from(labels));
    body.f32s(Float32Array.from(values));
  }
  const { phrases } = model.lexicon;
  body.u32s(phrases.slotKeys);
  body.u16s(phrases.slotMasks);
  const { words } = model.lexicon;
  body.u32s(words.slotKeys);
  body.u32s(words.slotValues);
  const header: Header = {
    version: model.version,
    labels: L,
    stages,
    phraseSlots: phrases.slotKeys.length,
    categories: model.lexicon.categories,
    maxPhraseTokens: model.lexicon.maxPhraseTokens,
    wordSlots: words.slotKeys.length,
    wordFeatures: model.lexicon.wordFeatures,
  };
  const out = new ByteWriter();
  out.bytes(new TextEncoder().encode(MAGIC));
  out.u8(FORMAT_VERSION);
  out.text(JSON.stringify(header));
  out.bytes(body.finish());
  return out.finish();
}

/** Reads a model written by {@link encodeModel}; throws {@link ModelFormatError} on anything else. */
export function decodeModel(bytes: Uint8Array): LoadedModel {
  try {
    return decode(bytes);
  } catch (cause) {
    if (cause instanceof ModelFormatError) throw cause;
    throw new ModelFormatError('Entity model is truncated or corrupt', { cause });
  }
}

function decode(bytes: Uint8Array): LoadedModel {
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
  const stages = header.stages.map(({ rows, entries }): LoadedStage => {
    const transitions = r.f32s(L * L);
    const startWeights = r.f32s(L);
    const endWeights = r.f32s(L);
    const keys = r.u32s(rows);
    const counts = r.bytes(rows);
    const rowStart = new Int32Array(rows + 1);
    for (let i = 0; i < rows; i++) rowStart[i + 1] = (rowStart[i] as number) + (counts[i] as number);
    if (rowStart[rows] !== entries) throw new ModelFormatError('Weight rows do not add up');
    const labels = Uint8Array.from(r.bytes(entries));
    for (const y of labels) if (y >= L) throw new ModelFormatError(`Label ${y} out of range`);
    const values = r.f32s(entries);
    return { keys, rowStart, labels, values, transitions, startWeights, endWeights };
  });
  const slots = header.phraseSlots;
  if (!(slots >= 1 && (slots & (slots - 1)) === 0))
    throw new ModelFormatError('Phrase table size is not a power of two');
  const slotKeys = r.u32s(slots);
  const slotMasks = r.u16s(slots);
  const wordSlots = header.wordSlots;
  if (!(wordSlots >= 1 && (wordSlots & (wordSlots - 1)) === 0))
    throw new ModelFormatError('Word table size is not a power of two');
  const wordKeys = r.u32s(wordSlots);
  const wordValues = r.u32s(wordSlots);
  if (!r.atEnd()) throw new ModelFormatError('Trailing bytes after entity model');
  return {
    version: header.version,
    stages,
    lexicon: {
      phrases: new PhraseTable(slotKeys, slotMasks),
      maxPhraseTokens: header.maxPhraseTokens,
      categories: header.categories,
      words: new WordTable(wordKeys, wordValues),
      wordFeatures: header.wordFeatures,
    },
  };
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

  public u32s(a: Uint32Array): void {
    for (const v of a) this.u32(v);
  }

  public f32s(a: Float32Array): void {
    for (const v of a) this.f32(v);
  }

  public u16s(a: Uint16Array): void {
    this.ensure(2 * a.length);
    for (const v of a) {
      this.view.setUint16(this.pos, v, true);
      this.pos += 2;
    }
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

  /** `n` little-endian 32-bit words, copied into an aligned buffer. */
  private words(n: number): { buffer: ArrayBuffer; view: DataView } {
    const raw = this.bytes(4 * n);
    // Copy explicitly: `slice` on a Node Buffer is a view, and the source need not be 4-byte aligned.
    const copy = new Uint8Array(raw.length);
    copy.set(raw);
    return { buffer: copy.buffer, view: new DataView(copy.buffer) };
  }

  public u32s(n: number): Uint32Array {
    const { buffer, view } = this.words(n);
    if (LITTLE_ENDIAN) return new Uint32Array(buffer);
    return Uint32Array.from({ length: n }, (_, i) => view.getUint32(4 * i, true));
  }

  public u16s(n: number): Uint16Array {
    const raw = this.bytes(2 * n);
    const copy = new Uint8Array(raw.length);
    copy.set(raw);
    if (LITTLE_ENDIAN) return new Uint16Array(copy.buffer);
    const view = new DataView(copy.buffer);
    return Uint16Array.from({ length: n }, (_, i) => view.getUint16(2 * i, true));
  }

  public f32s(n: number): Float32Array {
    const { buffer, view } = this.words(n);
    if (LITTLE_ENDIAN) return new Float32Array(buffer);
    return Float32Array.from({ length: n }, (_, i) => view.getFloat32(4 * i, true));
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
