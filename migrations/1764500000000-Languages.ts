import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each user's language and digits, kept on the server so that the choice follows them to
 * another phone. No language yet means "as the browser prefers" (Arabic for a phone set to
 * ar-SY). Digits are Latin unless the user asks for Arabic-Indic.
 */
export class Languages1764500000000 implements MigrationInterface {
  name = 'Languages1764500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE users
        ADD COLUMN language text,
        ADD COLUMN digits text NOT NULL DEFAULT 'latn',
        ADD CONSTRAINT chk_users_language CHECK (language IS NULL OR language IN ('en', 'ar', 'tr')),
        ADD CONSTRAINT chk_users_digits CHECK (digits IN ('latn', 'arab'))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE users DROP CONSTRAINT chk_users_digits, DROP CONSTRAINT chk_users_language, DROP COLUMN digits, DROP COLUMN language`);
  }
}
