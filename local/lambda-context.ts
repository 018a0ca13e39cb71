import type { Context } from 'aws-lambda';

/** What distinguishes one invocation's context. */
export interface InvocationContext {
  readonly functionName: string;
  readonly requestId: string;
  /** Epoch milliseconds at which the invocation times out. */
  readonly deadline: number;
  /** @default 1024 */
  readonly memoryMb?: number;
}

/** A Lambda invocation context as the Node.js runtime passes it, for handlers run outside Lambda. */
export function lambdaContext(invocation: InvocationContext): Context {
  const { functionName, deadline } = invocation;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:us-east-1:000000000000:function:${functionName}`,
    memoryLimitInMB: String(invocation.memoryMb ?? 1024),
    awsRequestId: invocation.requestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
