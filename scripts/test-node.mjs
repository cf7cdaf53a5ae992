// Runs the core and CLI tests with node's test runner (TypeScript through tsx,
// core resolved from source). Pass file paths to run only those.
import { findFiles, runNodeTests } from './lib.mjs';

const files =
  process.argv.slice(2).length > 0
    ? process.argv.slice(2)
    : [
        ...findFiles('packages/core/src', /\.test\.ts$/),
        ...findFiles('packages/cli/src', /\.test\.ts$/),
        ...findFiles('scripts', /\.test\.mjs$/),
        ...findFiles('packages/components/themes', /\.test\.mjs$/),
      ];

process.exitCode = await runNodeTests('node', files);
