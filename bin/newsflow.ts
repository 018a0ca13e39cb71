#!/usr/bin/env -S node --import tsx
import { CliError, describeFailure, UsageError } from './cli/errors';

/** One line of the overview per command (continuations indented), also shown by `newsflow COMMAND --help`. */
const USAGES: readonly (readonly [command: string, text: string])[] = [
  [
    'start',
    `  start [--once] [--fresh] [--s3-port N] [--dynamodb-port N] [--dynamodb dynalite|dynamodb-local]
        [--chaos duplicate=0.1,reorder=0.1,fail=0.05]
                               run the pipeline locally, ingest samples/, keep running for live uploads`,
  ],
  [
    'ingest',
    `  ingest DIR|FILE… [--endpoint URL] [--bucket B] [--prefix P]
                               upload articles to the local runtime (or a deployed raw bucket)`,
  ],
  [
    'process',
    '  process [--pretty] FILE…     clean + tag files exactly as the Lambdas do; one JSON record per file',
  ],
  [
    'status',
    `  status [--stack NAME] [--json] [--check]
                               queue and dead-letter queue depths, records by status (local or deployed)`,
  ],
  [
    'redrive',
    `  redrive [--stage clean|tag] [--stack NAME]
                               move dead-lettered messages back to their queue (local or deployed)`,
  ],
  [
    'reprocess',
    `  reprocess [--prefix P] [--stack NAME]
                               re-tag stored cleaned documents (after the tagger improved), idempotently`,
  ],
  [
    'reconcile',
    `  reconcile [--prefix P] [--dry-run] [--stack NAME]
                               compare raw objects with documents and records; re-drive what is missing or
                               stale, remove orphans (also backfills a bucket that predates the stack)`,
  ],
  [
    'tag',
    `  tag --jsonl                  JSON lines {"id","text","published"?} on stdin → {"id","entities","dates"} lines
  tag [--published D] [--json] FILE
                               tag one file as given (no cleaning)`,
  ],
  [
    'query',
    `  query article ID|KEY | published DAY..DAY|unknown | entity NAME [--type T] | mentions VALUE | cost [FILE…]
                               read the table as downstream services do (newsflow query --help)`,
  ],
  [
    'view',
    `  view ID|KEY|s3://BUCKET/KEY [--out FILE] [--stack NAME | --table NAME] | view --record FILE
                               write a self-contained HTML page of one record (highlighted entities, dates)`,
  ],
];

const USAGE = `newsflow <command> [options]   (--debug or NEWSFLOW_DEBUG=1: stack traces of failures)

Commands:
${USAGES.map(([, text]) => text).join('\n')}
`;

/** Usage of one command, for `newsflow COMMAND --help` and its usage errors. */
function commandUsage(name: string): string {
  const entry = USAGES.find(([command]) => command === name);
  const text = (entry?.[1] ?? '').replace(/^ {3,}/gm, (indent) => `${indent}         `);
  return `usage:\n${text.replace(/^ {2}(\S)/gm, '  newsflow $1')}\n`;
}

/** Whether the arguments ask for help (before any `--`, after which words are operands). */
function asksForHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

type Command = (argv: string[]) => Promise<number>;

// Loaded on demand: `tag --jsonl` (what evaluations time) should not pay for the AWS SDK and the emulators.
const COMMANDS: Record<string, () => Command> = {
  tag: () => (require('./cli/tag-command') as typeof import('./cli/tag-command')).tagCommand,
  process: () => (require('./cli/process-command') as typeof import('./cli/process-command')).processCommand,
  start: () => (require('./cli/start-command') as typeof import('./cli/start-command')).startCommand,
  ingest: () => (require('./cli/ingest-command') as typeof import('./cli/ingest-command')).ingestCommand,
  query: () => (require('./cli/query-command') as typeof import('./cli/query-command')).queryCommand,
  view: () => (require('./cli/view-command') as typeof import('./cli/view-command')).viewCommand,
  status: () => (require('./cli/status-command') as typeof import('./cli/status-command')).statusCommand,
  redrive: () => (require('./cli/redrive-command') as typeof import('./cli/redrive-command')).redriveCommand,
  reprocess: () =>
    (require('./cli/reprocess-command') as typeof import('./cli/reprocess-command')).reprocessCommand,
  reconcile: () =>
    (require('./cli/reconcile-command') as typeof import('./cli/reconcile-command')).reconcileCommand,
};

// A reader that stops early (`newsflow process … | head`) closes the pipe: that ends the output, not a crash.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

/** `--debug` (before any `--`) or `NEWSFLOW_DEBUG`: print the stack trace of a failure after its line. */
function takeDebugFlag(argv: readonly string[]): { args: string[]; debug: boolean } {
  const end = argv.indexOf('--');
  const head = end === -1 ? argv : argv.slice(0, end);
  const tail = end === -1 ? [] : argv.slice(end);
  const args = [...head.filter((a) => a !== '--debug'), ...tail];
  const env = process.env.NEWSFLOW_DEBUG;
  return { args, debug: args.length !== argv.length || (env !== undefined && env !== '' && env !== '0') };
}

async function main(argv: string[]): Promise<number> {
  // The local tools run on Node 20; the SDK's notice about its future Node 22 floor is noise here.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(USAGE);
    return name === undefined ? 2 : 0;
  }
  const load = COMMANDS[name];
  if (load === undefined)
    throw new UsageError(`unknown command ${JSON.stringify(name)}: \`newsflow --help\` lists the commands`);
  // `query` has a help page of its own.
  if (name !== 'query' && asksForHelp(rest)) {
    process.stdout.write(commandUsage(name));
    return 0;
  }
  try {
    return await load()(rest);
  } catch (error) {
    // Node's parseArgs reports a wrong option as a TypeError with a code: a usage error, not a crash.
    const code = (error as { code?: unknown } | null)?.code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_')) {
      throw new UsageError(`${(error as Error).message} (\`newsflow ${name} --help\` shows the usage)`, {
        cause: error,
      });
    }
    throw error;
  }
}

/** One line: messages of nested causes can hold line breaks (a server's answer, a usage text). */
function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

const { args, debug } = takeDebugFlag(process.argv.slice(2));
main(args).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Every failure is one line with what to do; the stack trace only on request.
    if (error instanceof CliError) {
      process.stderr.write(`newsflow: ${oneLine(error.message)}\n`);
    } else {
      const failure = describeFailure(error);
      const hint = failure.stack && !debug ? ' (unexpected: rerun with --debug for the stack trace)' : '';
      process.stderr.write(`newsflow: ${oneLine(failure.message)}${hint}\n`);
    }
    if (debug) process.stderr.write(`${(error as Error | undefined)?.stack ?? String(error)}\n`);
    process.exitCode = 2;
  },
);
