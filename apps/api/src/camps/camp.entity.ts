import type { CampStatus } from '@relief-ledger/domain';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { LocationEntity } from '../locations/location.entity.js';
import { OrganisationEntity } from '../organisations/organisation.entity.js';

/** A site where displaced people live. Coverage figures are derived elsewhere, never stored here. */
@Entity('camps')
@Index('ix_camps_organisation_id', ['organisationId'])
@Index('ix_camps_location_id', ['locationId'])
// Expression index (lower(name_en)) lives in the migration; TypeORM must not try to manage it.
@Index('uq_camps_organisation_name', { synchronize: false })
// Redundant with the primary key, but what distributions' (camp_id, organisation_id) foreign key points at.
@Unique('uq_camps_id_organisation', ['id', 'organisationId'])
@Check('chk_camps_status', `"status" IN ('planned', 'open', 'full', 'closed')`)
@Check('chk_camps_figures', `"population" >= 0 AND "households" >= 0 AND "capacity" >= 0 AND "households" <= "population"`)
@Check('chk_camps_names', `length("name_en") BETWEEN 1 AND 200 AND length("name_ar") BETWEEN 1 AND 200`)
@Check('chk_camps_closed', `("status" = 'closed') = ("closed_on" IS NOT NULL) AND ("closed_on" IS NULL OR "opened_on" IS NULL OR "closed_on" >= "opened_on")`)
export class CampEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_camps' })
  id: string;

  @Column({ type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'fk_camps_organisation' })
  organisation?: OrganisationEntity;

  @Column({ type: 'uuid' })
  locationId: string;

  @ManyToOne(() => LocationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'location_id', foreignKeyConstraintName: 'fk_camps_location' })
  location?: LocationEntity;

  @Column({ type: 'text' })
  nameEn: string;

  @Column({ type: 'text' })
  nameAr: string;

  @Column({ type: 'text', default: 'open' })
  status: CampStatus;

  @Column({ type: 'integer' })
  population: number;

  @Column({ type: 'integer' })
  households: number;

  @Column({ type: 'integer' })
  capacity: number;

  /** `YYYY-MM-DD`: a calendar date at the site, not an instant. */
  @Column({ type: 'date', nullable: true })
  openedOn: string | null;

  @Column({ type: 'date', nullable: true })
  closedOn: string | null;

  @VersionColumn({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
