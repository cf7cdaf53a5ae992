/**
 * `@links-approach/cli`: the `links` command. Import {@link run} to drive it
 * from another Node tool with your own IO.
 *
 * @packageDocumentation
 */
export { run } from './run.js';
export { processIo, type CliIo } from './io.js';
export { EXIT, UsageError, InputError } from './errors.js';
export type { Command, OptionSpec, ParsedArgs } from './command.js';
export { CommandContext } from './context.js';
export { COMMANDS } from './commands/index.js';
