import { ApiTokenEntity } from '../api-tokens/api-token.entity.js';
import { CampEntity } from '../camps/camp.entity.js';
import { LocationEntity } from '../locations/location.entity.js';
import { OrganisationEntity } from '../organisations/organisation.entity.js';
import { UserEntity } from '../users/user.entity.js';

/**
 * Every entity, listed once, so the app, the migration tool and the tests load the same set.
 * Sessions, sign-in failures and the audit log are reached with plain SQL only (hot paths,
 * append-only) and have no entity.
 */
export const ENTITIES = [OrganisationEntity, LocationEntity, CampEntity, UserEntity, ApiTokenEntity];
