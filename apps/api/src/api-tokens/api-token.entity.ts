import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { OrganisationEntity } from '../organisations/organisation.entity.js';
import { UserEntity } from '../users/user.entity.js';

/** A personal API token: acts as its user. Only the SHA-256 of the token is stored. */
@Entity('api_tokens')
@Unique('uq_api_tokens_token_hash', ['tokenHash'])
@Index('ix_api_tokens_organisation_id', ['organisationId'])
@Check('chk_api_tokens_name', `length("name") BETWEEN 1 AND 100`)
export class ApiTokenEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_api_tokens' })
  id: string;

  @Column({ type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'fk_api_tokens_organisation' })
  organisation?: OrganisationEntity;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_api_tokens_user' })
  user?: UserEntity;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'bytea', select: false })
  tokenHash: Buffer;

  @Column({ type: 'uuid' })
  createdBy: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'fk_api_tokens_created_by' })
  creator?: UserEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
