import { CampEntity } from '../camps/camp.entity.js';
import { LocationEntity } from '../locations/location.entity.js';
import { OrganisationEntity } from '../organisations/organisation.entity.js';

/** Every entity, listed once, so the app, the migration tool and the tests load the same set. */
export const ENTITIES = [OrganisationEntity, LocationEntity, CampEntity];
