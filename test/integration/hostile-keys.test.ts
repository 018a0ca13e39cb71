import { articleIdFor } from '../../lambdas/core/record/article-id';
import { startTestPipeline, type TestPipeline } from '../helpers/runtime';

const BODY = 'date 2019-12-20\n\nTony Blair met Bill Clinton in London.';

/** `raw/` plus `filler` repeated up to exactly `bytes` UTF-8 bytes, in path segments of at most 200 bytes. */
function keyOfBytes(bytes: number, filler: string): string {
  let key = 'raw/';
  let segment = 0;
  while (Buffer.byteLength(key) + Buffer.byteLength(filler) <= bytes) {
    // The emulator stores keys as files; real S3 has no segment limit, a file system has 255 bytes per name.
    if (segment + Buffer.byteLength(filler) > 200 && Buffer.byteLength(key) + 1 < bytes) {
      key += '/';
      segment = 0;
      continue;
    }
    key += filler;
    segment += Buffer.byteLength(filler);
  }
  return key + 'x'.repeat(bytes - Buffer.byteLength(key));
}

/**
 * Keys S3 stores as opaque strings but the local S3 API refuses: its file store would resolve the `..` and `.`
 * segments to a path outside the key's folder (another bucket, or outside its data directory).
 */
const REFUSED_KEYS: [string, string][] = [
  ['parent-directory traversal', 'raw/../../etc/passwd'],
  ['traversal that ends outside the prefix', 'raw/../processed/articles/evil.json'],
  ['a current-directory segment', 'raw/./story.txt'],
];

const HOSTILE_KEYS: [string, string][] = [
  ['backslash traversal', 'raw/..\\..\\windows\\system32'],
  ['a key shaped like a processed document', 'raw/articles/0123456789abcdef0123456789abcdef.json'],
  ['control characters', 'raw/tab\there\u0001\u0007\u001f\u007f.txt'],
  ['a line break that could forge a log line', 'raw/line\n{"level":"ERROR","message":"forged"}.txt'],
  ['a carriage return and escape sequence', 'raw/cr\r\u001b[31mred.txt'],
  ['a lone trailing space', 'raw/trailing '],
  ['right-to-left override and zero-width joiner', 'raw/\u202etxt.exe\u200d👩‍💻.txt'],
  ['CJK, Arabic and emoji', 'raw/北朝鮮 كوريا 🇰🇵.txt'],
  ['HTML and quotes in the key', 'raw/<script>alert("x")</script>\'.html'],
  ['a 1024-byte ASCII key (the S3 maximum)', keyOfBytes(1024, 'a')],
  ['a 1024-byte key of 2-byte characters', keyOfBytes(1024, 'é')],
];

describe('hostile object keys are opaque keys (end to end, dynalite)', () => {
  let p: TestPipeline;
  const lines: string[] = [];
  const refusals: string[] = [];
  let restoreStdout: () => void = () => {};

  beforeAll(async () => {
    // Capture the handlers' structured logs (they write JSON lines to stdout).
    const original = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      const text = String(chunk);
      if (text.startsWith('{')) lines.push(...text.split('\n').filter((l) => l.length > 0));
      else return (original as (...args: unknown[]) => boolean)(chunk, ...rest);
      return true;
    }) as typeof process.stdout.write;
    restoreStdout = () => {
      process.stdout.write = original;
    };
    p = await startTestPipeline('dynalite', { logLevel: 'INFO' });
    for (const [, key] of HOSTILE_KEYS) await p.upload(key, BODY);
    for (const [, key] of REFUSED_KEYS)
      refusals.push(
        await p.upload(key, BODY).then(
          () => 'stored',
          (e: Error) => e.name,
        ),
      );
    await p.upload('raw/café.txt', BODY);
    await p.upload('raw/cafe\u0301.txt', BODY.replace('London', 'Paris'));
    await p.runtime.waitForIdle({ timeoutMs: 60_000 });
  }, 120_000);

  afterAll(async () => {
    await p?.stop();
    restoreStdout();
  });

  it.each(HOSTILE_KEYS)('records an upload with %s under exactly its key', async (_label, key) => {
    // Act
    const record = await p.record(key);

    // Assess
    expect(record?.status).toBe('processed');
    expect(record?.source.key).toBe(key);
    expect(record?.id).toBe(articleIdFor(p.runtime.names.rawBucket, key));
    expect(record?.text).toContain('Tony Blair');
  });

  it.each(REFUSED_KEYS)(
    'refuses an upload with %s (the emulator cannot store it) and records nothing',
    async (_label, key) => {
      // Act
      const record = await p.record(key);

      // Assess
      expect(record).toBeUndefined();
      expect(refusals).toEqual(REFUSED_KEYS.map(() => 'InvalidArgument'));
    },
  );

  it('uses long keys of exactly the S3 maximum, 1024 UTF-8 bytes', () => {
    // Assess
    const long = HOSTILE_KEYS.filter(([label]) => label.includes('1024-byte')).map(([, key]) => key);
    expect(long.map((key) => Buffer.byteLength(key))).toEqual([1024, 1024]);
  });

  it('keeps NFC and NFD spellings of a key apart (keys are never normalised)', async () => {
    // Act
    const nfc = await p.record('raw/café.txt');
    const nfd = await p.record('raw/cafe\u0301.txt');

    // Assess
    expect(nfc?.text).toContain('London');
    expect(nfd?.text).toContain('Paris');
    expect(nfc?.id).not.toBe(nfd?.id);
  });

  it('names processed documents by article id only, whatever the raw key', async () => {
    // Act
    const keys = await p.processedKeys();

    // Assess
    expect(keys).toHaveLength(HOSTILE_KEYS.length + 2);
    for (const key of keys) expect(key).toMatch(/^articles\/[0-9a-f]{32}\.json$/);
  });

  it('logs each object as one JSON line carrying bucket, key and article id, with the key escaped', () => {
    // Prepare
    const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    const about = (key: string) => parsed.filter((l) => l.key === key);

    // Assess
    expect(parsed.length).toBeGreaterThan(0);
    for (const line of parsed.filter((l) => 'key' in l)) {
      expect(line).toEqual(
        expect.objectContaining({
          bucket: expect.any(String),
          key: expect.any(String),
          articleId: expect.stringMatching(/^[0-9a-f]{32}$/),
          stage: expect.stringMatching(/^(clean|tag)$/),
          level: expect.any(String),
        }),
      );
    }
    // The raw key reaches the log as data: the line break inside it did not start a line of its own.
    const forging = HOSTILE_KEYS.find(([label]) => label.startsWith('a line break'))?.[1] as string;
    expect(about(forging).length).toBeGreaterThan(0);
    expect(parsed.some((l) => l.message === 'forged')).toBe(false);
  });
});
