import type { EntityManager } from 'typeorm';

/**
 * Runs `UPDATE … RETURNING …` and gives the rows. TypeORM answers an UPDATE with
 * `[rows, rowCount]` rather than the rows, which is easy to misread as "two rows".
 */
export async function updateReturning<T>(manager: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  const [rows] = (await manager.query(sql, params)) as [T[], number];
  return rows;
}
