import { setFlagsFromString } from 'node:v8';
import { enableCompiledPlanValidation } from '@links-approach/core/plan';
import { processIo } from './io.js';
import { run } from './run.js';

// The CLI validates whole folders of plans (`links report`, `links validate`):
// zod's compiled fast path makes that about 4× quicker, with the same results
// and errors (see enableCompiledPlanValidation).
enableCompiledPlanValidation();
// The batch commands stream millions of events: what they keep is small (155 MB live after 10M events), but
// by default V8 lets the heap grow to up to 4× what survived the last full collection before collecting
// again, so peak memory followed the garbage, not the data (1.1 GB for `links referral --json` on 10M events).
// Growing it by 25% at a time costs about 5% more CPU and keeps the peak near what is live (bench/cohort).
// The service (`links serve`) keeps V8's default.
if (process.argv[2] !== 'serve') setFlagsFromString('--heap-growing-percent=25');
process.exitCode = await run(process.argv.slice(2), processIo());
