import type * as z from 'zod/mini';
import type { ALISS_LISTINGS } from './constants.js';
import type {
  networkEventSchema,
  networkOrganisationSchema,
  networkRegisterSchema,
  relationshipSchema,
} from './schema.js';

/** Whether an organisation is on ALISS: `listed`, `not-listed`, or `helped-to-list`. */
export type AlissListing = (typeof ALISS_LISTINGS)[number];
/** One entry in a relationship's history. */
export type NetworkEvent = z.infer<typeof networkEventSchema>;
/** The community organisation a relationship is with. */
export type NetworkOrganisation = z.infer<typeof networkOrganisationSchema>;
/** A relationship between the practice (and its CLP) and a community organisation. */
export type Relationship = z.infer<typeof relationshipSchema>;
/** The community network register: every relationship, with its history. */
export type NetworkRegister = z.infer<typeof networkRegisterSchema>;
