import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';

/** Credentials the local emulators accept (they check nothing; the SDK insists on some). */
export const LOCAL_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;

/** Region the local runtime claims to be. */
export const LOCAL_REGION = 'us-east-1';

/**
 * An S3 client for s3rver: path-style addressing, and checksums only when required (otherwise streamed
 * bodies are stored with aws-chunked framing, which s3rver does not strip).
 */
export function localS3Client(endpoint: string, options: { maxAttempts?: number } = {}): S3Client {
  return new S3Client({
    ...options,
    endpoint,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

/** A DynamoDB client for dynalite or DynamoDB Local. */
export function localDynamoDbClient(
  endpoint: string,
  options: { maxAttempts?: number } = {},
): DynamoDBClient {
  return new DynamoDBClient({ ...options, endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
}
