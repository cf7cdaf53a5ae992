import { enableCompiledPlanValidation } from '@links-approach/core/plan';
import { processIo } from './io.js';
import { run } from './run.js';

// The CLI validates whole folders of plans (`links report`, `links validate`):
// zod's compiled fast path makes that about 4× quicker, with the same results
// and errors (see enableCompiledPlanValidation).
enableCompiledPlanValidation();
process.exitCode = await run(process.argv.slice(2), processIo());
