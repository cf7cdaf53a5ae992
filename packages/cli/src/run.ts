import { parseArgs } from 'node:util';
import type { Command, OptionSpec, ParsedArgs } from './command.js';
import { COMMANDS } from './commands/index.js';
import { CommandContext } from './context.js';
import { EXIT, InputError, UsageError } from './errors.js';
import type { CliIo } from './io.js';
import { CLI_VERSION } from './version.js';

const COMMON_OPTIONS: Record<string, OptionSpec> = {
  json: { type: 'boolean', description: 'print exactly one JSON document on stdout' },
  help: { type: 'boolean', short: 'h', description: 'show help for this command' },
};

/**
 * Runs the `links` command line and returns its exit code. Never throws and
 * never prints a stack trace (set `LINKS_DEBUG=1` to see one on stderr).
 *
 * Contract: `--json` prints exactly one JSON document on stdout —
 * `{ "ok": true, … }` on success, `{ "ok": false, "errors": [ { "path", "message" } ] }`
 * otherwise. Exit 0 success, 1 invalid input, 2 usage error, 3 internal error.
 */
export async function run(
  argv: readonly string[],
  io: CliIo,
  commands: readonly Command[] = COMMANDS,
): Promise<number> {
  const json = argv.includes('--json');
  const ctx = new CommandContext(io, json);
  try {
    const [first, ...rest] = argv;
    if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
      const topic = first === 'help' ? rest.find((a) => !a.startsWith('-')) : undefined;
      const command = topic ? findCommand(commands, topic) : undefined;
      const text = command ? commandHelp(command) : mainHelp(commands);
      if (first === undefined) {
        // No command at all is a usage error, but a helpful one.
        io.stderr(text);
        return usage(ctx, 'no command given', 'command');
      }
      ctx.succeed({ help: text }, () => text);
      return EXIT.ok;
    }
    if (first === '--version' || first === '-v') {
      ctx.succeed({ version: CLI_VERSION }, () => CLI_VERSION);
      return EXIT.ok;
    }
    if (first.startsWith('-')) throw new UsageError(`unknown option "${first}" (options go after the command)`, first);
    const command = findCommand(commands, first);
    const args = parseCommandLine(command, rest);
    if (args.values['help']) {
      ctx.succeed({ help: commandHelp(command) }, () => commandHelp(command));
      return EXIT.ok;
    }
    return await command.run(ctx, args);
  } catch (error) {
    if (error instanceof UsageError) return usage(ctx, error.message, error.path);
    if (error instanceof InputError) {
      ctx.reportInvalid(error.errors, error.subject);
      return EXIT.invalidInput;
    }
    const message = error instanceof Error ? error.message : String(error);
    if (io.env['LINKS_DEBUG'] && error instanceof Error && error.stack) io.stderr(error.stack);
    if (json)
      io.stdout(
        JSON.stringify(
          { ok: false, errors: [{ path: '', message: `internal error: ${message}`, code: 'internal' }] },
          null,
          2,
        ),
      );
    io.stderr(
      `links: internal error: ${message}\nThis is a bug in links, not in your input. Set LINKS_DEBUG=1 for details.`,
    );
    return EXIT.internal;
  }
}

function usage(ctx: CommandContext, message: string, path: string): number {
  if (ctx.json) ctx.io.stdout(JSON.stringify({ ok: false, errors: [{ path, message, code: 'usage' }] }, null, 2));
  ctx.io.stderr(`links: ${message}\nRun "links --help" for usage.`);
  return EXIT.usage;
}

function findCommand(commands: readonly Command[], name: string): Command {
  const command = commands.find((c) => c.name === name);
  if (!command) {
    throw new UsageError(`unknown command "${name}". Commands: ${commands.map((c) => c.name).join(', ')}`, 'command');
  }
  return command;
}

function parseCommandLine(command: Command, argv: readonly string[]): ParsedArgs {
  const options = { ...COMMON_OPTIONS, ...command.options };
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: Object.fromEntries(
        Object.entries(options).map(([name, spec]) => [
          name,
          {
            type: spec.type,
            ...(spec.short ? { short: spec.short } : {}),
            ...(spec.multiple ? { multiple: true } : {}),
          },
        ]),
      ),
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    const message = (error as Error).message.replace(/\. To specify a positional argument.*$/s, '');
    const option = /'(-{1,2}[^']+)'/.exec(message)?.[1] ?? '';
    throw new UsageError(`${command.name}: ${message.replace(/^Unknown option/, 'unknown option')}`, option);
  }
  const values = parsed.values as ParsedArgs['values'];
  if (values['help']) return { values, positionals: parsed.positionals };
  const { min, max, names } = command.positionals;
  if (parsed.positionals.length < min)
    throw new UsageError(`${command.name}: missing ${names}. Usage: links ${command.usage}`, names);
  if (parsed.positionals.length > max) {
    throw new UsageError(
      `${command.name}: unexpected argument "${parsed.positionals[max]}". Usage: links ${command.usage}`,
      'argv',
    );
  }
  return { values, positionals: parsed.positionals };
}

function mainHelp(commands: readonly Command[]): string {
  const width = commands.reduce((n, c) => Math.max(n, c.name.length), 0);
  return [
    `links ${CLI_VERSION}: the Links Approach toolkit on the command line`,
    '',
    'Usage: links <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options for every command:',
    '  --json     print exactly one JSON document on stdout',
    '  --help     show help for the command',
    '  --version  show the version',
    '',
    'Exit codes: 0 success, 1 invalid input, 2 usage error, 3 internal error.',
  ].join('\n');
}

function commandHelp(command: Command): string {
  const options = { ...command.options, ...COMMON_OPTIONS };
  const rows = Object.entries(options).map(([name, spec]) => {
    const flag = `--${name}${spec.type === 'string' ? ` ${spec.valueName ?? 'VALUE'}` : ''}`;
    return [flag, spec.description] as const;
  });
  const width = rows.reduce((n, [flag]) => Math.max(n, flag.length), 0);
  return [
    `Usage: links ${command.usage}`,
    '',
    command.description ?? command.summary,
    '',
    'Options:',
    ...rows.map(([flag, description]) => `  ${flag.padEnd(width)}  ${description}`),
  ].join('\n');
}
