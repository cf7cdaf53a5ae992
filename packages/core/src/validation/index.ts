export { type ValidationIssue, type Result, ok, fail, formatIssues, messageCodeOf } from './result.js';
export { formatPath, joinPath } from './path.js';
export { LIMITS } from './limits.js';
export { checkJsonSafety } from './json-safety.js';
export { parseWith } from './parse.js';
export { plainEnglish, fromZodIssues, codeIssue } from './zod-issues.js';
export {
  type MessageParam,
  type MessageParams,
  type CodedMessage,
  type MessageRenderers,
  renderWith,
} from '../messages/types.js';
export {
  type ValidationParams,
  type ValidationCode,
  VALIDATION_MESSAGES_EN,
  validationMessage,
  customMessage,
} from '../messages/validation.js';
