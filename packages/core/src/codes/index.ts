export {
  CODE_SYSTEMS,
  LOCAL_CODE_SYSTEMS,
  CODES,
  codeEntry,
  codesInSystem,
  unverifiedCodes,
  localSystemUrl,
  codingFor,
  isWellFormedSnomedConceptId,
  type CodeEntry,
  type LocalCodeSystem,
} from './codes.js';
