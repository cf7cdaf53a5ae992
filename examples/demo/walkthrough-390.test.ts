// The keyboard walkthrough of the demo page (walkthrough.test.ts), run again
// in a 390 px wide viewport (a phone): the same steps must work in the
// narrow layouts (caseload cards, stacked forms, tables in scroll regions).
import { setViewport } from '@web/test-runner-commands';

await setViewport({ width: 390, height: 844 });
await import('./walkthrough.test.js');
