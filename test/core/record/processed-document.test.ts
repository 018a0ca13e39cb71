import { createProcessedDocument } from '../../../lambdas/core/record/processed-document';
import { sourceRef } from '../../helpers/fixtures';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const CLEANED_AT = '2019-12-21T08:00:01.000Z';

describe('createProcessedDocument', () => {
  it('cleans readable bytes into a cleaned document for the tag stage', () => {
    // Prepare
    const text = 'SEOUL (Reuters) - North Korea said on Friday it would hold talks in the new year.';

    // Act
    const doc = createProcessedDocument({ bytes: encode(text), key: 'raw/story.txt' }, sourceRef(), {
      cleanedAt: CLEANED_AT,
    });

    // Assess
    expect(doc).toMatchObject({
      schemaVersion: 1,
      status: 'cleaned',
      cleanedAt: CLEANED_AT,
      source: sourceRef(),
    });
    expect(doc.article?.text).toContain('North Korea said on Friday');
  });

  it.each([
    [
      'an object left unread over the cap',
      { oversizedBytes: 9000 },
      'Object is 9000 bytes; the limit is 100',
    ],
    [
      'bytes over the cap',
      { bytes: encode('x'.repeat(101)), key: 'raw/a.txt' },
      'Object is 101 bytes; the limit is 100',
    ],
  ])('rejects %s as TOO_LARGE with one message', (_name, raw, message) => {
    // Act
    const doc = createProcessedDocument(raw, sourceRef(), { cleanedAt: CLEANED_AT, maxBytes: 100 });

    // Assess
    expect(doc).toMatchObject({ status: 'rejected', rejection: { code: 'TOO_LARGE', message } });
    expect(doc.article).toBeUndefined();
  });

  it.each([
    ['empty', { bytes: new Uint8Array(0), key: 'raw/a.txt' }, 'EMPTY'],
    [
      'binary',
      { bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), key: 'raw/a.png' },
      'BINARY',
    ],
    ['not text', { bytes: encode('{}'), key: 'raw/a', contentType: 'image/png' }, 'UNSUPPORTED'],
  ])('records a %s object as a rejected document', (_name, raw, code) => {
    // Act
    const doc = createProcessedDocument(raw, sourceRef(), { cleanedAt: CLEANED_AT });

    // Assess
    expect(doc).toMatchObject({ status: 'rejected', rejection: { code } });
  });
});
