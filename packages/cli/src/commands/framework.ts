import { LINKS_FRAMEWORK, type Framework } from '@links-approach/core';
import { validateFramework } from '@links-approach/core/framework';
import type { Command } from '../command.js';
import { readJsonFile } from '../read-json.js';
import { EXIT, InputError } from '../errors.js';

/** `links framework`: prints the Links framework, or validates a host's revised one. */
export const frameworkCommand: Command = {
  name: 'framework',
  summary: 'Show the Links framework (7 capacities, 5 themes, 3 CLP responsibilities)',
  usage: 'framework [--file FILE] [--json]',
  description:
    'Prints the framework a plan is written against. With --file, validates a revised framework document ' +
    '(kind "links.framework") and prints it, or its errors with JSON paths.',
  options: {
    file: { type: 'string', valueName: 'FILE', description: 'a revised framework document to validate and show' },
  },
  positionals: { min: 0, max: 0, names: '' },
  async run(ctx, args) {
    let framework: Framework = LINKS_FRAMEWORK;
    const file = args.values['file'];
    if (typeof file === 'string') {
      const result = validateFramework(await readJsonFile(ctx.io, file));
      if (!result.ok) throw new InputError(result.errors, file);
      framework = result.value;
    }
    ctx.succeed({ ...framework }, () => describe(framework));
    return EXIT.ok;
  },
};

function describe(framework: Framework): string {
  const lines = [`${framework.name} (framework ${framework.id} ${framework.version})`, '', 'Capacities:'];
  framework.capacities.forEach((c, i) => lines.push(`  ${i + 1}. ${c.name} [${c.id}]`));
  lines.push('', 'Self-management themes:');
  framework.themes.forEach((t, i) => lines.push(`  ${i + 1}. ${t.name} [${t.id}]`));
  if (framework.responsibilities.length > 0) {
    lines.push('', 'Community Links Practitioner responsibilities:');
    framework.responsibilities.forEach((r, i) => lines.push(`  ${i + 1}. ${r.name} [${r.id}]`));
  }
  return lines.join('\n');
}
