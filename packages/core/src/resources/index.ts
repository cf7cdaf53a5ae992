/**
 * `@links-approach/core/resources`: Community resources: the ALISS client, the Open Referral UK (HSDS) adapter, a memory directory, caching and freshness.
 *
 * @packageDocumentation
 */
export type {
  CommunityResource,
  ResourceProvenance,
  Licence,
  Attribution,
  ResourceCategory,
  ResourceLocation,
  ServiceArea,
  ResourceContact,
  ResourceOrganisation,
  ResourceStatus,
  ResourceQuery,
  DirectoryCallOptions,
  DirectorySource,
  ResourceSearchResult,
  DirectoryError,
  DirectoryErrorKind,
  DirectoryErrorCode,
  DirectoryResult,
  Directory,
  DirectoryCategory,
} from './types.js';
export type { AbortSignalLike, ResponseLike, FetchLike, FetchInit } from './platform.js';
export {
  communityResourceSchema,
  provenanceSchema,
  licenceSchema,
  attributionSchema,
  resourceCategorySchema,
  resourceLocationSchema,
  resourceContactSchema,
  resourceOrganisationSchema,
  serviceAreaSchema,
  RESOURCE_STATUSES,
} from './resource-schema.js';
export {
  DEFAULT_SEARCH_LIMIT,
  MAX_SEARCH_LIMIT,
  MAX_RADIUS_METRES,
  normaliseQuery,
  normalisePostcode,
  postcodeDistrict,
  postcodeArea,
  queryKey,
  type NormalisedQuery,
} from './query.js';
export { DEFAULT_TIMEOUT_MS, MAX_RESPONSE_CHARS } from './http.js';
export {
  CC_BY_4,
  ALISS_ATTRIBUTION,
  ALISS_SOURCE,
  licenceFromUrl,
  mergeAttribution,
  formatAttribution,
  cleanSource,
} from './attribution.js';
export { safeHttpUrl } from './clean.js';
export { contactLinks, type ContactLinks } from './contact-links.js';
export {
  ALISS_DEFAULT_BASE_URL,
  ALISS_MAX_PAGE_SIZE,
  alissServiceSchema,
  alissSearchPageSchema,
  alissServiceDetailSchema,
  alissCategoriesSchema,
  alissServiceToResource,
  alissSourceFromMeta,
  parseAlissSearchPage,
  createAlissDirectory,
  validateBaseUrl,
  type AlissService,
  type AlissSearchPage,
  type AlissDirectoryOptions,
} from './aliss.js';
export {
  hsdsServiceSchema,
  hsdsServicePageSchema,
  hsdsServiceToResource,
  hsdsSource,
  parseHsdsServices,
  createHsdsDirectory,
  createHsdsDocumentDirectory,
  type HsdsService,
  type HsdsPublisher,
  type HsdsDirectoryOptions,
} from './hsds.js';
export { createMemoryDirectory, type MemoryDirectoryInput } from './memory.js';
export { createCachedDirectory, type CacheOptions, type CachedDirectory } from './cache.js';
export {
  STALE_AFTER_MONTHS,
  describeFreshness,
  resourceFreshness,
  monthsBetween,
  type Freshness,
  type FreshnessOptions,
} from './freshness.js';
export { directoryErrorIssues, isRetryable } from './errors.js';
export {
  DIRECTORY_ISSUES_EN,
  DIRECTORY_MESSAGES_EN,
  NETWORK_CAUSES_EN,
  directoryMessage,
  type DirectoryIssueCode,
  type DirectoryIssueParams,
  type DirectoryMessageCode,
  type DirectoryMessageParams,
  type DirectoryWhich,
  type NetworkCauseParams,
} from '../messages/resources.js';
