import type { Command } from '../command.js';
import { frameworkCommand } from './framework.js';

/** Every `links` subcommand, in the order `--help` lists them. Add new commands here. */
export const COMMANDS: readonly Command[] = [frameworkCommand];
