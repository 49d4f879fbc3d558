import type { DigitSystem, Language, Role } from '@relief-ledger/domain';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn, VersionColumn } from 'typeorm';
import { OrganisationEntity } from '../organisations/organisation.entity.js';

/** A member of staff of one organisation. Never deleted: disabled, so the audit trail keeps its names. */
@Entity('users')
@Unique('uq_users_email', ['email'])
@Index('ix_users_organisation_id', ['organisationId'])
@Check('chk_users_role', `"role" IN ('admin', 'coordinator', 'field', 'manager')`)
@Check('chk_users_email', `"email" = lower("email") AND length("email") BETWEEN 3 AND 254 AND position('@' IN "email") > 1`)
@Check('chk_users_name', `length("name") BETWEEN 1 AND 200`)
@Check('chk_users_language', `"language" IS NULL OR "language" IN ('en', 'ar', 'tr')`)
@Check('chk_users_digits', `"digits" IN ('latn', 'arab')`)
export class UserEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_users' })
  id: string;

  @Column({ type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'fk_users_organisation' })
  organisation?: OrganisationEntity;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text' })
  role: Role;

  /** argon2id, PHC string. */
  @Column({ type: 'text', select: false })
  passwordHash: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** Chosen by the user; null: as their browser prefers. */
  @Column({ type: 'text', nullable: true })
  language: Language | null;

  @Column({ type: 'text', default: 'latn' })
  digits: DigitSystem;

  @VersionColumn({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
