/**
 * `@links-approach/core/network`: The practice's network register of community organisations, with its metrics.
 *
 * @packageDocumentation
 */
export { ALISS_LISTINGS, createNetworkRegister } from './constants.js';
export {
  NETWORK_EVENT_TYPES,
  looksLikeContactDetails,
  networkDateSchema,
  relationshipIdSchema,
  contactRoleSchema,
  contactLabelSchema,
  networkNoteSchema,
  networkOrganisationSchema,
  networkEventSchema,
  relationshipSchema,
  networkRegisterSchema,
} from './schema.js';
export type { AlissListing, NetworkEvent, NetworkOrganisation, Relationship, NetworkRegister } from './types.js';
export {
  validateNetworkRegister,
  addRelationship,
  updateRelationship,
  recordContact,
  setAlissListing,
  endRelationship,
  reactivateRelationship,
  type RegisterResult,
  type NetworkChangeContext,
  type NewRelationship,
  type RelationshipChanges,
} from './register.js';
export {
  QUIET_AFTER_MONTHS,
  checkQuiet,
  networkMetrics,
  type QuietCheck,
  type CapacityFigure,
  type NetworkMetrics,
} from './metrics.js';
export {
  NETWORK_MESSAGES_EN,
  networkMessage,
  type NetworkMessageParams,
  type NetworkMessageCode,
} from '../messages/network.js';
