import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  type S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { AdapterError } from './errors';

/** Identifies one object (optionally one version of it). */
export interface ObjectLocation {
  readonly bucket: string;
  readonly key: string;
  readonly versionId?: string;
}

/** An object read in full. */
export interface StoredObject {
  readonly bytes: Uint8Array;
  readonly size: number;
  readonly eTag: string;
  readonly contentType?: string;
  readonly versionId?: string;
}

/** Result of {@link ObjectStore.get}: the object, or why it was not read. */
export type GetResult =
  | { readonly status: 'found'; readonly object: StoredObject }
  | { readonly status: 'missing' }
  | { readonly status: 'too-large'; readonly size: number };

/** The object storage the stages need, behind a small interface (S3 in production and locally). */
export interface ObjectStore {
  /** Reads an object unless it is larger than `maxBytes` (checked before the body is read). */
  get(location: ObjectLocation, maxBytes?: number): Promise<GetResult>;
  /** True when the object currently exists. */
  exists(location: ObjectLocation): Promise<boolean>;
  put(location: ObjectLocation, body: string | Uint8Array, contentType: string): Promise<void>;
  /** Deletes an object; deleting a missing object succeeds (S3 semantics). */
  delete(location: ObjectLocation): Promise<void>;
}

/** {@link ObjectStore} over an injected S3 client. */
export class S3ObjectStore implements ObjectStore {
  public constructor(private readonly client: S3Client) {}

  public async get(location: ObjectLocation, maxBytes = Number.POSITIVE_INFINITY): Promise<GetResult> {
    try {
      const out = await this.client.send(
        new GetObjectCommand({
          Bucket: location.bucket,
          Key: location.key,
          ...(location.versionId ? { VersionId: location.versionId } : {}),
        }),
      );
      const size = out.ContentLength ?? 0;
      if (size > maxBytes) {
        // Abort the download: a huge object must not be buffered just to be rejected.
        const body = out.Body as { destroy?: () => void } | undefined;
        body?.destroy?.();
        return { status: 'too-large', size };
      }
      const bytes = out.Body ? await out.Body.transformToByteArray() : new Uint8Array();
      if (bytes.length > maxBytes) return { status: 'too-large', size: bytes.length };
      return {
        status: 'found',
        object: {
          bytes,
          size: bytes.length,
          eTag: (out.ETag ?? '').replace(/"/g, ''),
          ...(out.ContentType ? { contentType: out.ContentType } : {}),
          ...(out.VersionId ? { versionId: out.VersionId } : {}),
        },
      };
    } catch (error) {
      if (isNotFound(error)) return { status: 'missing' };
      throw new AdapterError(`Cannot read s3://${location.bucket}/${location.key}`, { cause: error });
    }
  }

  public async exists(location: ObjectLocation): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: location.bucket, Key: location.key }));
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw new AdapterError(`Cannot check s3://${location.bucket}/${location.key}`, { cause: error });
    }
  }

  public async put(location: ObjectLocation, body: string | Uint8Array, contentType: string): Promise<void> {
    try {
      await this.client.send(
        new PutObjectCommand({
          Bucket: location.bucket,
          Key: location.key,
          Body: body,
          ContentType: contentType,
        }),
      );
    } catch (error) {
      throw new AdapterError(`Cannot write s3://${location.bucket}/${location.key}`, { cause: error });
    }
  }

  public async delete(location: ObjectLocation): Promise<void> {
    try {
      await this.client.send(new DeleteObjectCommand({ Bucket: location.bucket, Key: location.key }));
    } catch (error) {
      if (isNotFound(error)) return;
      throw new AdapterError(`Cannot delete s3://${location.bucket}/${location.key}`, { cause: error });
    }
  }
}

function isNotFound(error: unknown): boolean {
  if (!(error instanceof S3ServiceException)) return false;
  return (
    error.name === 'NoSuchKey' ||
    error.name === 'NotFound' ||
    error.name === 'NoSuchVersion' ||
    error.$metadata.httpStatusCode === 404
  );
}
