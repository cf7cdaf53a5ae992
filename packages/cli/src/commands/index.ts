import type { Command } from '../command.js';
import { frameworkCommand } from './framework.js';
import { validateCommand } from './validate.js';
import { resourcesCommand } from './resources.js';
import { scoreCommand } from './score.js';
import { demoDataCommand } from './demo-data.js';
import { reportCommand } from './report.js';
import { referralCommand } from './referral.js';
import { fhirCommand } from './fhir.js';
import { exportCommand } from './export.js';
import { serveCommand } from './serve.js';
import { backupCommand } from './backup.js';

/** Every `links` subcommand, in the order `--help` lists them. Add new commands here. */
export const COMMANDS: readonly Command[] = [
  frameworkCommand,
  validateCommand,
  resourcesCommand,
  scoreCommand,
  demoDataCommand,
  reportCommand,
  referralCommand,
  fhirCommand,
  exportCommand,
  serveCommand,
  backupCommand,
];
