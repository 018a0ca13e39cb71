import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  type S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { AdapterError, PreconditionFailedError } from './errors';

/** Identifies one object (optionally one version of it). */
export interface ObjectLocation {
  readonly bucket: string;
  readonly key: string;
  readonly versionId?: string;
}

/** What a HEAD tells: the object's ETag (unquoted) and user metadata. */
export interface ObjectHead {
  readonly eTag: string;
  readonly metadata: Readonly<Record<string, string>>;
  readonly versionId?: string;
}

/** An object read in full. */
export interface StoredObject extends ObjectHead {
  readonly bytes: Uint8Array;
  readonly size: number;
  readonly contentType?: string;
  /** `Content-Language` stored with the object, when the uploader set one (`aws s3 cp --content-language`). */
  readonly contentLanguage?: string;
}

/** Result of {@link ObjectStore.get}: the object, or why it was not read. */
export type GetResult =
  | { readonly status: 'found'; readonly object: StoredObject }
  | { readonly status: 'missing' }
  | { readonly status: 'too-large'; readonly size: number };

/**
 * Preconditions of a write (S3 conditional writes): `ifMatch` an ETag the object must still have, or
 * `ifNoneMatch: '*'` for "only if absent". They make an object a compare-and-swap register.
 */
export interface WriteConditions {
  readonly ifMatch?: string;
  readonly ifNoneMatch?: '*';
}

/** Options of {@link ObjectStore.put}. */
export interface PutOptions extends WriteConditions {
  readonly contentType: string;
  readonly metadata?: Readonly<Record<string, string>>;
}

/** The object storage the stages need, behind a small interface (S3 in production and locally). */
export interface ObjectStore {
  /** Reads an object unless it is larger than `maxBytes` (checked before the body is read). */
  get(location: ObjectLocation, maxBytes?: number): Promise<GetResult>;
  /** The current object's ETag and metadata, or undefined when it does not exist. */
  head(location: ObjectLocation): Promise<ObjectHead | undefined>;
  /** Writes an object; returns its new ETag. @throws PreconditionFailedError when a condition fails. */
  put(location: ObjectLocation, body: string | Uint8Array, options: PutOptions): Promise<string>;
  /**
   * Deletes an object; deleting a missing object succeeds (S3 semantics) unless `ifMatch` is given.
   * @throws PreconditionFailedError when `ifMatch` does not hold.
   */
  delete(location: ObjectLocation, conditions?: Pick<WriteConditions, 'ifMatch'>): Promise<void>;
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
          eTag: unquote(out.ETag),
          metadata: out.Metadata ?? {},
          ...(out.ContentType ? { contentType: out.ContentType } : {}),
          ...(out.ContentLanguage ? { contentLanguage: out.ContentLanguage } : {}),
          ...(out.VersionId ? { versionId: out.VersionId } : {}),
        },
      };
    } catch (error) {
      if (isNotFound(error)) return { status: 'missing' };
      throw new AdapterError(`Cannot read s3://${location.bucket}/${location.key}`, { cause: error });
    }
  }

  public async head(location: ObjectLocation): Promise<ObjectHead | undefined> {
    try {
      const out = await this.client.send(
        new HeadObjectCommand({ Bucket: location.bucket, Key: location.key }),
      );
      return {
        eTag: unquote(out.ETag),
        metadata: out.Metadata ?? {},
        ...(out.VersionId ? { versionId: out.VersionId } : {}),
      };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw new AdapterError(`Cannot check s3://${location.bucket}/${location.key}`, { cause: error });
    }
  }

  public async put(
    location: ObjectLocation,
    body: string | Uint8Array,
    options: PutOptions,
  ): Promise<string> {
    try {
      const out = await this.client.send(
        new PutObjectCommand({
          Bucket: location.bucket,
          Key: location.key,
          Body: body,
          ContentType: options.contentType,
          ...(options.metadata ? { Metadata: { ...options.metadata } } : {}),
          ...(options.ifMatch ? { IfMatch: quote(options.ifMatch) } : {}),
          ...(options.ifNoneMatch ? { IfNoneMatch: options.ifNoneMatch } : {}),
        }),
      );
      return unquote(out.ETag);
    } catch (error) {
      if (isPreconditionFailure(error) || (options.ifMatch && isNotFound(error))) {
        throw new PreconditionFailedError(`s3://${location.bucket}/${location.key} changed`, {
          cause: error,
        });
      }
      throw new AdapterError(`Cannot write s3://${location.bucket}/${location.key}`, { cause: error });
    }
  }

  public async delete(
    location: ObjectLocation,
    conditions: Pick<WriteConditions, 'ifMatch'> = {},
  ): Promise<void> {
    try {
      await this.client.send(
        new DeleteObjectCommand({
          Bucket: location.bucket,
          Key: location.key,
          ...(conditions.ifMatch ? { IfMatch: quote(conditions.ifMatch) } : {}),
        }),
      );
    } catch (error) {
      if (isPreconditionFailure(error) || (conditions.ifMatch && isNotFound(error))) {
        throw new PreconditionFailedError(`s3://${location.bucket}/${location.key} changed`, {
          cause: error,
        });
      }
      if (isNotFound(error)) return;
      throw new AdapterError(`Cannot delete s3://${location.bucket}/${location.key}`, { cause: error });
    }
  }
}

function unquote(eTag: string | undefined): string {
  return (eTag ?? '').replace(/"/g, '');
}

function quote(eTag: string): string {
  return eTag === '*' ? eTag : `"${unquote(eTag)}"`;
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

/** 412 (the condition failed) or 409 (a concurrent conditional write won the race): both mean "re-read". */
function isPreconditionFailure(error: unknown): boolean {
  if (!(error instanceof S3ServiceException)) return false;
  const status = error.$metadata.httpStatusCode;
  return error.name === 'PreconditionFailed' || status === 412 || status === 409;
}
