import type { OrganisationResponse } from '@relief-ledger/domain';
import { IdField, TextField } from '../../common/openapi/response-fields.js';

export class OrganisationResponseDto implements OrganisationResponse {
  @IdField() id: string;
  @TextField({ example: 'Humanitarian Relief Organization' }) name: string;
  @TextField({ example: 'HRO' }) shortCode: string;
}
