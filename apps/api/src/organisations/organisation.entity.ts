import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** An agency. Every record an agency owns points here through `organisation_id`. */
@Entity('organisations')
@Unique('uq_organisations_name', ['name'])
@Unique('uq_organisations_short_code', ['shortCode'])
export class OrganisationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_organisations' })
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  shortCode: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
