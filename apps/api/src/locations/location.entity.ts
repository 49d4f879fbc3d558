import type { LocationLevel } from '@relief-ledger/domain';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** A place of the OCHA admin hierarchy, identified for people by its P-code. */
@Entity('locations')
@Unique('uq_locations_pcode', ['pcode'])
@Index('ix_locations_parent_id', ['parentId'])
@Check('chk_locations_level', `"level" IN ('governorate', 'district', 'sub_district', 'community')`)
@Check('chk_locations_parent', `("level" = 'governorate') = ("parent_id" IS NULL)`)
@Check('chk_locations_point', `("latitude" IS NULL) = ("longitude" IS NULL) AND "latitude" BETWEEN -90 AND 90 AND "longitude" BETWEEN -180 AND 180`)
export class LocationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_locations' })
  id: string;

  @Column({ type: 'text' })
  pcode: string;

  @Column({ type: 'text' })
  level: LocationLevel;

  @Column({ type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => LocationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'fk_locations_parent' })
  parent?: LocationEntity;

  @Column({ type: 'text' })
  nameEn: string;

  @Column({ type: 'text' })
  nameAr: string;

  @Column({ type: 'double precision', nullable: true })
  latitude: number | null;

  @Column({ type: 'double precision', nullable: true })
  longitude: number | null;

  @Column({ type: 'text', default: 'Asia/Damascus' })
  timeZone: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
