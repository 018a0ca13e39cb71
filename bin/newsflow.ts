#!/usr/bin/env -S node --import tsx
import { CliError, UsageError } from './cli/errors';
import { tagCommand } from './cli/tag-command';

const USAGE = `newsflow <command> [options]

Commands:
  tag --jsonl                  JSON lines {"id","text","published"?} on stdin → {"id","entities","dates"} lines
  tag [--published D] [--json] FILE
                               tag one file as given (no cleaning)
`;

const COMMANDS: Record<string, (argv: string[]) => Promise<number>> = {
  tag: tagCommand,
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(USAGE);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (command === undefined) throw new UsageError(`unknown command ${JSON.stringify(name)}\n\n${USAGE}`);
  return command(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof CliError || (error instanceof Error && error.name.endsWith('Error'))) {
      process.stderr.write(`newsflow: ${error instanceof Error ? error.message : String(error)}\n`);
    }
    if (!(error instanceof CliError)) process.stderr.write(`${(error as Error)?.stack ?? error}\n`);
    process.exitCode = 2;
  },
);
