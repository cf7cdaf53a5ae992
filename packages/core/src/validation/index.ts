export { type ValidationIssue, type Result, ok, fail, formatIssues } from './result.js';
export { formatPath, joinPath } from './path.js';
export { LIMITS } from './limits.js';
export { checkJsonSafety } from './json-safety.js';
export { parseWith } from './parse.js';
export { plainEnglish, fromZodIssues } from './zod-issues.js';
