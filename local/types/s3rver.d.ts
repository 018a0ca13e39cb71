/** Minimal typings for s3rver 3 (the package ships none). */
declare module 's3rver' {
  import type { EventEmitter } from 'node:events';

  interface S3rverOptions {
    port?: number;
    address?: string;
    silent?: boolean;
    directory?: string;
    resetOnClose?: boolean;
    allowMismatchedSignatures?: boolean;
    configureBuckets?: { name: string; configs: (string | Buffer)[] }[];
  }

  class S3rver extends EventEmitter {
    public constructor(options?: S3rverOptions);
    public run(): Promise<{ address: string; port: number; family: string }>;
    public close(): Promise<void>;
  }

  export = S3rver;
}
