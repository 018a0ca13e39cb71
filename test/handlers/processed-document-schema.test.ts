import { ProcessedDocumentError } from '../../lambdas/core/errors';
import { parseProcessedDocument } from '../../lambdas/handlers/processed-document-schema';
import { cleanedArticle, processedDocument } from '../helpers/fixtures';

const encode = (value: unknown): Uint8Array =>
  new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));

describe('parseProcessedDocument', () => {
  it('reads back a document the clean stage wrote', () => {
    // Prepare
    const doc = processedDocument(cleanedArticle('Kim met Trump.'));

    // Act
    const parsed = parseProcessedDocument(encode(doc));

    // Assess
    expect(parsed).toEqual(doc);
  });

  it.each([
    ['not JSON', '{"schemaVersion":'],
    ['JSON of another shape', { hello: 'world' }],
    ['another schema version', { ...processedDocument(cleanedArticle('x')), schemaVersion: 2 }],
    ['a bad article id', { ...processedDocument(cleanedArticle('x')), articleId: 'nope' }],
  ])('rejects %s with ProcessedDocumentError and its cause', (_name, stored) => {
    // Act
    let thrown: unknown;
    try {
      parseProcessedDocument(encode(stored));
    } catch (error) {
      thrown = error;
    }

    // Assess
    expect(thrown).toBeInstanceOf(ProcessedDocumentError);
    expect((thrown as Error).cause).toBeDefined();
  });
});
