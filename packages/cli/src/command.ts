import type { CommandContext } from './context.js';

/** An option a command accepts, as `node:util` `parseArgs` understands it. */
export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  readonly multiple?: boolean;
  /** One line for `--help`. */
  readonly description: string;
  /** Placeholder shown in help, e.g. `FILE`. */
  readonly valueName?: string;
}

/** One `links` subcommand. */
export interface Command {
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** The synopsis after `links `, e.g. `validate <file> [--json]`. */
  readonly usage: string;
  /** Longer help text, shown by `links <name> --help`. */
  readonly description?: string;
  readonly options: Readonly<Record<string, OptionSpec>>;
  /** How many positional arguments it takes. */
  readonly positionals: { readonly min: number; readonly max: number; readonly names: string };
  /** Runs the command; returns the exit code. Throws UsageError or InputError for those cases. */
  run(ctx: CommandContext, args: ParsedArgs): Promise<number>;
}

/** A command's parsed command line. */
export interface ParsedArgs {
  readonly values: Readonly<Record<string, string | boolean | string[] | undefined>>;
  readonly positionals: readonly string[];
}
