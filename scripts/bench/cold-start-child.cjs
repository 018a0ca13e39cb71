// @ts-check
/**
 * A Lambda cold start, in a fresh plain Node process (no tsx, no repository code):
 *
 *   node [NODE_OPTIONS of the function] cold-start-child.cjs ASSET_DIR EVENTS_JSON RESULT_JSON
 *
 * Loads ASSET_DIR/index.js as the Node.js runtime does, then invokes its exported `handler` with each SQS event of
 * EVENTS_JSON in turn (the first invocation builds the clients and loads the models), and writes the timings to
 * RESULT_JSON. Configuration comes from the environment, as in Lambda.
 */
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

async function main() {
  // Milliseconds since this process started: Node's own bootstrap, before any of the function's code.
  const bootMs = performance.now();
  const [assetDir, eventsFile, resultFile] = process.argv.slice(2);
  if (!assetDir || !eventsFile || !resultFile)
    throw new Error('usage: cold-start-child.cjs ASSET EVENTS RESULT');
  /** @type {unknown[]} */
  const events = JSON.parse(readFileSync(eventsFile, 'utf8'));
  const t0 = performance.now();
  const fn = require(join(assetDir, 'index.js'));
  const loadMs = performance.now() - t0;
  const invocations = [];
  /** CPU time (user + system) of the process up to the first invocation's response: the cold start's own work. */
  let coldCpuMs = 0;
  for (const [i, event] of events.entries()) {
    const deadline = Date.now() + 60_000;
    const context = {
      callbackWaitsForEmptyEventLoop: false,
      functionName: 'newsflow-tag',
      functionVersion: '$LATEST',
      invokedFunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:newsflow-tag',
      memoryLimitInMB: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE ?? '1024',
      awsRequestId: `cold-start-${i}`,
      logGroupName: '/aws/lambda/newsflow-tag',
      logStreamName: 'bench',
      getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    };
    const started = performance.now();
    const response = await fn.handler(event, context);
    invocations.push({ ms: performance.now() - started, failures: response?.batchItemFailures?.length ?? 0 });
    if (i === 0) {
      const cpu = process.cpuUsage();
      coldCpuMs = (cpu.user + cpu.system) / 1000;
    }
  }
  const result = { bootMs, loadMs, invocations, coldCpuMs, maxRssKb: process.resourceUsage().maxRSS };
  writeFileSync(resultFile, JSON.stringify(result));
}

main().catch((error) => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exitCode = 1;
});
