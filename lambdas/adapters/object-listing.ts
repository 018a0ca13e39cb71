import { ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { AdapterError } from './errors';

/** One listed object: its key and (unquoted) ETag. */
export interface ListedObject {
  readonly key: string;
  readonly eTag: string;
}

/** Lists every object under a prefix, following continuation tokens (operator tools, soak checks). */
export async function listObjects(client: S3Client, bucket: string, prefix = ''): Promise<ListedObject[]> {
  const out: ListedObject[] = [];
  let token: string | undefined;
  try {
    do {
      const page = await client.send(
        new ListObjectsV2Command({
          Bucket: bucket,
          Prefix: prefix,
          ...(token ? { ContinuationToken: token } : {}),
        }),
      );
      for (const o of page.Contents ?? []) {
        if (o.Key) out.push({ key: o.Key, eTag: (o.ETag ?? '').replace(/"/g, '') });
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  } catch (error) {
    throw new AdapterError(`Cannot list s3://${bucket}/${prefix}`, { cause: error });
  }
  return out;
}
