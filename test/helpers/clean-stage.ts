import type { ObjectLocation, ObjectStore } from '../../lambdas/adapters/object-store';
import { articleIdFor } from '../../lambdas/core/record/article-id';
import { processedKeyFor } from '../../lambdas/core/record/processed-key';
import type { CleanStageDeps } from '../../lambdas/handlers/clean-stage';
import { createObservability } from '../../lambdas/handlers/observability';
import type { S3Change } from '../../lambdas/handlers/s3-notification';

/** Buckets of the clean stage under test. */
export const RAW_BUCKET = 'raw-bucket';
export const PROCESSED_BUCKET = 'processed-bucket';

/** Where the clean stage writes the processed document of a raw key. */
export function processedLocation(key: string): ObjectLocation {
  return { bucket: PROCESSED_BUCKET, key: processedKeyFor(articleIdFor(RAW_BUCKET, key)) };
}

/** A raw-object change as the clean stage receives it. */
export function rawChange(kind: S3Change['kind'], key: string, sequencer: string, eTag?: string): S3Change {
  return {
    kind,
    eventName: kind === 'created' ? 'ObjectCreated:Put' : 'ObjectRemoved:Delete',
    eventTime: '2019-12-21T08:00:00.000Z',
    bucket: RAW_BUCKET,
    key,
    sequencer,
    ...(eTag === undefined ? {} : { eTag }),
  };
}

/** The clean stage's dependencies over an object store, with a fixed clock and a small size cap. */
export function cleanDeps(objects: ObjectStore, maxObjectBytes = 1000): CleanStageDeps {
  return {
    objects,
    config: { processedBucket: PROCESSED_BUCKET, maxObjectBytes },
    ...createObservability('clean', { logLevel: 'SILENT' }),
    now: () => new Date('2019-12-21T08:00:01.000Z'),
  };
}
