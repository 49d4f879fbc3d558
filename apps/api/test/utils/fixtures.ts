import type { CampResponse, CreateCampRequest, LocationResponse, OrganisationResponse, Page } from '@relief-ledger/domain';
import { Client } from './session';

/** Ids of the demo data the specs build on (started with DEMO_DATA=true). */
export interface DemoRefs {
  hro: OrganisationResponse;
  kidsParadise: OrganisationResponse;
  sarmada: LocationResponse;
  idlibCity: LocationResponse;
}

export async function demoRefs(http: Client): Promise<DemoRefs> {
  const organisations: OrganisationResponse[] = (await http.get('/api/v1/organisations').expect(200)).body;
  const communities: Page<LocationResponse> = (await http.get('/api/v1/locations?level=community&pageSize=100').expect(200)).body;
  const byName = (name: string) => communities.items.find((l) => l.nameEn === name)!;
  return {
    hro: organisations.find((o) => o.shortCode === 'HRO')!,
    kidsParadise: organisations.find((o) => o.shortCode === 'KP')!,
    sarmada: byName('Sarmada'),
    idlibCity: byName('Idlib city'),
  };
}

export function newCamp(refs: DemoRefs, overrides: Partial<CreateCampRequest> = {}): CreateCampRequest {
  return {
    locationId: refs.sarmada.id,
    nameEn: 'Sarmada west extension',
    nameAr: 'توسعة غرب سرمدا',
    status: 'open',
    population: 1200,
    households: 240,
    capacity: 1500,
    openedOn: '2019-12-24',
    ...overrides,
  };
}

export async function createCamp(http: Client, body: CreateCampRequest): Promise<CampResponse> {
  return (await http.post('/api/v1/camps').send(body).expect(201)).body;
}
