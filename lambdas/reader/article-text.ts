import type { S3Client } from '@aws-sdk/client-s3';
import type { ArticleRecord, ProcessedDocument } from '../core/record/types';
import { TextReadError, TextVersionError } from './errors';

/**
 * The cleaned text of a record: the record's own `text`, else the text of the processed document its `textRef`
 * names (one S3 GetObject; needs `s3:GetObject` on the processed bucket, which `grantRead` gives). Undefined for a
 * record without text (a rejection). The document must still hold the record's version: offsets into another
 * text would mark the wrong words, so a different content hash is a {@link TextVersionError} (read the record
 * again) rather than a text.
 */
export async function readArticleText(s3: S3Client, record: ArticleRecord): Promise<string | undefined> {
  if (record.text !== undefined || record.textRef === undefined) return record.text;
  const { bucket, key } = record.textRef;
  let doc: Partial<ProcessedDocument>;
  try {
    // Loaded on first use, so services that never read texts need not install the S3 client.
    const { GetObjectCommand } = await import('@aws-sdk/client-s3');
    const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    doc = JSON.parse((await out.Body?.transformToString()) ?? '') as Partial<ProcessedDocument>;
  } catch (error) {
    throw new TextReadError(`Cannot read the text of article ${record.id} from s3://${bucket}/${key}`, {
      cause: error,
    });
  }
  if (doc.article?.contentHash !== record.contentHash || typeof doc.article?.text !== 'string') {
    throw new TextVersionError(
      `s3://${bucket}/${key} holds another version of article ${record.id}; read the record again`,
    );
  }
  return doc.article.text;
}
