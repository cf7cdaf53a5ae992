/**
 * `@links-approach/core/fhir`: FHIR R4 export of referrals (ServiceRequest, Task, Goal, Consent) and import of Task updates.
 *
 * @packageDocumentation
 */
export { DEFAULT_SYSTEM_BASE, identifierSystems, type FhirExportOptions, type FhirReferenceStyle } from './options.js';
export {
  toFhirBundle,
  toFhirCollection,
  bundleIndex,
  serviceRequestStatus,
  requestPriority,
  goalStatusToFhir,
  detailsExportable,
} from './export.js';
export { uuidV5, isUuid, URL_NAMESPACE } from './uuid.js';
export {
  fromFhirTaskUpdate,
  type FhirImportOptions,
  type FhirImportResult,
  type FhirImportRejectionCode,
} from './import.js';
