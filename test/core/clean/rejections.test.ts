import type { RejectionCode } from '../../../lambdas/core/clean/types';
import { cleanOutcome } from './helpers';

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);
const withText = (prefix: number[]): Uint8Array =>
  Uint8Array.from([...prefix, ...Buffer.from(' some trailing text that looks fine', 'latin1')]);

describe('rejections', () => {
  it.each([
    ['an empty object', new Uint8Array(0), {}, 'EMPTY'],
    ['whitespace only', Buffer.from(' \n\t\r\n  \n', 'utf8'), {}, 'EMPTY'],
    ['invisible characters only', Buffer.from('\u200b\ufeff\u00ad\n\u200b', 'utf8'), {}, 'EMPTY'],
    [
      'boilerplate only',
      Buffer.from('Advertisement\n\nShare this article\n\nSign in\n\nLoading...', 'utf8'),
      {},
      'EMPTY',
    ],
    ['NUL bytes', Buffer.from('text\u0000with\u0000nuls and more text to read', 'utf8'), {}, 'BINARY'],
    ['a PDF', withText([...Buffer.from('%PDF-1.7')]), {}, 'BINARY'],
    ['a ZIP (DOCX)', withText([0x50, 0x4b, 0x03, 0x04]), {}, 'BINARY'],
    ['a PNG', withText([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), {}, 'BINARY'],
    ['a JPEG', withText([0xff, 0xd8, 0xff, 0xe0]), {}, 'BINARY'],
    ['a GIF', withText([...Buffer.from('GIF89a')]), {}, 'BINARY'],
    ['gzip', withText([0x1f, 0x8b, 0x08]), {}, 'BINARY'],
    [
      'control-byte noise',
      Uint8Array.from({ length: 300 }, (_, i) => (i % 7 === 0 ? 0x01 : 0x41)),
      {},
      'BINARY',
    ],
    ['an object over the size cap', Buffer.from('x'.repeat(101), 'utf8'), { maxBytes: 100 }, 'TOO_LARGE'],
    ['undecodable text', Uint8Array.from({ length: 200 }, (_, i) => 0xc0 + (i % 60)), {}, 'UNDECODABLE'],
    ['truncated UTF-16', bytes(0xff, 0xfe, 0x41, 0x00, 0x42), {}, 'UNDECODABLE'],
    [
      'an image content type',
      Buffer.from('looks like text', 'utf8'),
      { contentType: 'image/png' },
      'UNSUPPORTED',
    ],
  ] as [string, Uint8Array, { maxBytes?: number; contentType?: string }, RejectionCode][])(
    'rejects %s',
    (_name, input, options, code) => {
      // Prepare: the object as stored.
      // Act
      const outcome = cleanOutcome(input, options);
      // Assess
      expect(outcome.status).toBe('rejected');
      if (outcome.status === 'rejected') {
        expect(outcome.rejection.code).toBe(code);
        expect(outcome.rejection.message.length).toBeGreaterThan(0);
      }
    },
  );

  it.each([
    ['an ELF', [0x7f, ...Buffer.from('ELF')]],
    ['an MP3', [...Buffer.from('ID3')]],
    ['a PDF', [...Buffer.from('%PDF-1.7')]],
    ['a PNG', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ])('names the format with its article: %s file', (phrase, prefix) => {
    // Prepare
    const input = withText(prefix);
    // Act
    const outcome = cleanOutcome(input);
    // Assess
    expect(outcome).toMatchObject({
      status: 'rejected',
      rejection: { code: 'BINARY', message: `Object is ${phrase} file, not text` },
    });
  });

  it('accepts an object exactly at the size cap', () => {
    // Prepare
    const input = Buffer.from('The talks resumed on Friday, officials said.', 'utf8');
    // Act
    const outcome = cleanOutcome(input, { maxBytes: input.length });
    // Assess
    expect(outcome.status).toBe('cleaned');
  });

  it('uses a 5 MiB cap by default', () => {
    // Prepare: one byte over 5 MiB.
    const input = Buffer.alloc(5 * 1024 * 1024 + 1, 0x61);
    // Act
    const outcome = cleanOutcome(input);
    // Assess
    expect(outcome).toMatchObject({ status: 'rejected', rejection: { code: 'TOO_LARGE' } });
  });
});
