/**
 * `@links-approach/core/codes`: The code systems and codes (SNOMED CT UK and others) the toolkit exports, in one table.
 *
 * @packageDocumentation
 */
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
  type PublicSource,
} from './codes.js';
export {
  STATUS_REASON_LABELS,
  STATUS_REASON_CODES,
  STATUS_REASONS_BY_STATUS,
  statusReasonCodesFor,
  isStatusReasonCode,
  type StatusReasonCode,
  type ReasonedStatus,
} from './status-reasons.js';
