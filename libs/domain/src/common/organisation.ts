export interface OrganisationResponse {
  id: string;
  name: string;
  shortCode: string;
}
