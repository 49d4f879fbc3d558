import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { OrganisationResponse } from '@relief-ledger/domain';
import { Repository } from 'typeorm';
import { OrganisationEntity } from './organisation.entity.js';

export function toOrganisationResponse(entity: OrganisationEntity): OrganisationResponse {
  return { id: entity.id, name: entity.name, shortCode: entity.shortCode };
}

@Injectable()
export class OrganisationsService {
  constructor(@InjectRepository(OrganisationEntity) private readonly organisations: Repository<OrganisationEntity>) {}

  async list(): Promise<OrganisationResponse[]> {
    const rows = await this.organisations.find({ order: { name: 'ASC' } });
    return rows.map(toOrganisationResponse);
  }
}
