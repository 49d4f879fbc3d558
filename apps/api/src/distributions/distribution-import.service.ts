import { Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { Replays, type Replayed } from '../common/replay/replays.js';
import { AuditService } from '../audit/audit.service.js';
import { CampsService } from '../camps/camps.service.js';
import type { Actor } from '../common/actor.js';
import {
  DISTRIBUTION_IMPORT_COLUMNS,
  DISTRIBUTION_IMPORT_MAX_BYTES,
  parseInstant,
  problemText,
  STOCK_LIMITS,
  type DistributionImportColumn,
  type ProblemCode,
  type ProblemParams,
} from '@relief-ledger/domain';
import { AppException } from '../common/problem/app-exception.js';
import { happenedBounds, isSafeText } from '../common/validation/decorators.js';
import { StockRepository } from '../stock/stock.repository.js';
import { csvRows, CsvTooLargeError } from './csv-rows.js';
import { DistributionsRepository, type ImportedDistribution } from './distributions.repository.js';
import { distributionHash } from './request-hash.js';

/** The columns of the file: the contract's, shared with the web app's template. */
export const IMPORT_COLUMNS = DISTRIBUTION_IMPORT_COLUMNS;
type ImportColumn = DistributionImportColumn;
export const IMPORT_MAX_BYTES = DISTRIBUTION_IMPORT_MAX_BYTES;
const MAX_REPORTED_ERRORS = 1_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ImportRowError {
  row: number;
  column: string;
  reason: string;
  code: ProblemCode;
  params?: ProblemParams;
}

type Fail = (row: number, column: string, code: ProblemCode, params?: ProblemParams) => void;

/** A row of the file; once resolve() has found its references, a distribution to write. */
interface Row extends ImportedDistribution {
  line: number;
  clientKey: string;
  campId: string;
  itemCode: string;
  stockPointId: string;
  quantity: number;
  households: number;
  people: number;
  distributedAt: string | null;
  notes: string | null;
  /** From here on, what resolve() finds: the camp's location, the item's id, the content hash, and whether the row is already in. */
  locationId: string;
  itemId: string;
  requestHash: string;
  skip: boolean;
  /** What write() finds: the level left after this row. */
  stockLeft: number;
}

/** What an import answers: rows recorded now, and rows found already recorded. */
export interface ImportAnswer {
  imported: number;
  skipped: number;
}

export class ImportException extends AppException {
  constructor(
    readonly rowErrors: ImportRowError[],
    totalErrors: number,
  ) {
    super(
      422,
      'distribution.import_invalid',
      'Nothing imported',
      `${totalErrors} problem${totalErrors === 1 ? '' : 's'} in the file; nothing was imported. Fix the rows and upload the whole file again.`,
      rowErrors.map((e) => ({ field: `row ${e.row}: ${e.column}`, reason: e.reason, code: e.code, params: e.params, row: e.row, column: e.column })),
      { count: totalErrors },
    );
  }
}

/**
 * Bulk entry of a day's distributions from CSV: read as a stream, every row validated, and then
 * all written in one transaction or none. Rows whose client_id is already recorded with the
 * same content are skipped, so uploading the same file twice records it once.
 */
@Injectable()
export class DistributionImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: DistributionsRepository,
    private readonly stock: StockRepository,
    private readonly camps: CampsService,
    private readonly audit: AuditService,
    private readonly replays: Replays,
  ) {}

  /**
   * With an Idempotency-Key, a file sent again answers the first answer (its rows were recorded
   * then); without one, the rows' own client ids make a second upload skip them.
   */
  async import(actor: Actor, stream: Readable, idempotencyKey?: string): Promise<Replayed<ImportAnswer>> {
    const errors: ImportRowError[] = [];
    let errorCount = 0;
    const fail: Fail = (row, column, code, params) => {
      errorCount++;
      if (errors.length < MAX_REPORTED_ERRORS) errors.push({ row, column, reason: problemText(code, params), code, ...(params ? { params } : {}) });
    };
    const { rows, headerOk } = await this.parse(stream, fail);
    if (!headerOk) throw new ImportException(errors, errorCount);
    if (rows.length === 0) throw new ImportException([{ row: 1, column: 'file', reason: problemText('import.no_rows'), code: 'import.no_rows' }], 1);

    // Imports of one organisation take turns, so the same file uploaded twice at once is
    // recorded once and the second finds its rows already there (skipped), as a re-upload would.
    // A distribution sent alone with one of the file's ids can still win the race: then the
    // whole file is read against the database again, once.
    // A retry happens only after a clean first reading (no errors), so nothing is reported twice.
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.dataSource.transaction(async (manager) => {
          await this.repository.takeImportTurn(manager, actor.organisationId);
          const file = { rows: rows.map((r) => [r.clientKey, r.campId, r.itemCode, r.stockPointId, r.quantity, r.households, r.people, r.distributedAt, r.notes]) };
          const request = { operation: 'distribution.import', header: idempotencyKey, content: file };
          return this.replays.once(manager, actor.organisationId, request, async () => {
            // References are checked even when some rows are malformed: one report lists everything.
            await this.resolve(manager, actor, rows, fail);
            if (errorCount) throw new ImportException(errors, errorCount);
            const fresh = rows.filter((r) => !r.skip);
            // One id ties the import's audit row, its stock movements and its distributions together.
            const importId = randomUUID();
            await this.write(manager, actor, importId, fresh);
            await this.audit.record(manager, actor, { action: 'import', entity: 'distribution', entityId: importId, changedFields: [`rows:${fresh.length}`] });
            return { answer: { imported: fresh.length, skipped: rows.length - fresh.length } };
          });
        });
      } catch (error) {
        const constraint = (error as { driverError?: { constraint?: string } }).driverError?.constraint;
        if (attempt < 2 && error instanceof QueryFailedError && constraint === 'uq_distributions_client_key') continue;
        throw error;
      }
    }
  }

  private async parse(stream: Readable, fail: Fail): Promise<{ rows: Row[]; headerOk: boolean }> {
    const rows: Row[] = [];
    const seen = new Map<string, number>();
    const now = new Date();
    let at: Record<ImportColumn, number> | undefined;
    try {
      for await (const { line, fields } of csvRows(stream, IMPORT_MAX_BYTES)) {
        if (!at) {
          const header = fields.map((f) => f.trim().toLowerCase());
          const missing = IMPORT_COLUMNS.filter((c) => c !== 'notes' && !header.includes(c));
          for (const column of missing) fail(line, column, 'import.column_missing');
          if (missing.length) return { rows, headerOk: false };
          at = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c, header.indexOf(c)])) as Record<ImportColumn, number>;
          continue;
        }
        const get = (column: ImportColumn) => (fields[at![column]] ?? '').trim();
        const whole = (column: 'quantity' | 'households' | 'people', min: number): number => {
          const text = get(column);
          if (!/^\d{1,9}$/.test(text) || Number(text) < min) {
            fail(line, column, min > 0 ? 'import.whole_number_min1' : 'import.whole_number');
            return 0;
          }
          return Number(text);
        };
        const uuid = (column: 'client_id' | 'camp_id' | 'stock_point_id'): string => {
          const text = get(column);
          if (!UUID.test(text)) fail(line, column, 'field.uuid');
          return text.toLowerCase();
        };
        const clientKey = uuid('client_id');
        const row: Row = {
          line,
          clientKey,
          campId: uuid('camp_id'),
          itemCode: get('item_code'),
          stockPointId: uuid('stock_point_id'),
          quantity: whole('quantity', 1),
          households: whole('households', 0),
          people: whole('people', 0),
          distributedAt: null,
          notes: get('notes') || null,
          // Filled in by resolve(); present from the start so every row keeps one shape.
          locationId: '',
          itemId: '',
          requestHash: '',
          skip: false,
          stockLeft: 0,
        };
        if (!row.itemCode) fail(line, 'item_code', 'field.required');
        if (row.people < row.households) fail(line, 'people', 'field.people_below_households', { households: row.households });
        const when = get('distributed_at');
        if (when) {
          // The same rule as the JSON API's distributedAt (the Instant decorator): no date that is not a real one.
          const parsed = parseInstant(when, happenedBounds(now));
          if (parsed.ok) row.distributedAt = parsed.value.toISOString();
          else fail(line, 'distributed_at', parsed.code, parsed.params);
        }
        if (row.notes && row.notes.length > STOCK_LIMITS.notesMaxLength) fail(line, 'notes', 'field.max_length', { max: STOCK_LIMITS.notesMaxLength });
        for (const column of ['notes', 'item_code'] as const) {
          if (!isSafeText(get(column))) fail(line, column, 'field.unsafe_text');
        }
        if (seen.has(clientKey)) fail(line, 'client_id', 'import.repeats_row', { row: seen.get(clientKey)! });
        else seen.set(clientKey, line);
        rows.push(row);
      }
    } catch (error) {
      if (error instanceof CsvTooLargeError) {
        throw new AppException(413, 'distribution.import_too_large', 'File too large', undefined, undefined, { megabytes: IMPORT_MAX_BYTES / 1024 / 1024 });
      }
      throw error;
    }
    if (!at) fail(1, 'file', 'import.empty_file');
    return { rows, headerOk: Boolean(at) };
  }

  /** Checks every reference against the organisation's records, and which rows are already in. */
  private async resolve(manager: EntityManager, actor: Actor, rows: Row[], fail: Fail): Promise<void> {
    const uuids = (values: string[]) => [...new Set(values.filter((v) => UUID.test(v)))];
    const camps = await this.camps.campLocations(manager, actor, uuids(rows.map((r) => r.campId)));
    const items = await this.stock.itemIdsByCode(manager);
    const points = await this.stock.ownPointIds(manager, actor.organisationId, uuids(rows.map((r) => r.stockPointId)));
    const existing = await this.repository.hashesByClientKey(manager, actor.organisationId, uuids(rows.map((r) => r.clientKey)));
    for (const row of rows) {
      const locationId = camps.get(row.campId);
      const itemId = items.get(row.itemCode);
      // A column already reported as malformed is not reported again as unknown.
      if (!locationId && UUID.test(row.campId)) fail(row.line, 'camp_id', 'import.unknown_camp');
      if (!itemId && row.itemCode) fail(row.line, 'item_code', 'import.unknown_item', { code: row.itemCode.slice(0, 50) });
      if (!points.has(row.stockPointId) && UUID.test(row.stockPointId)) fail(row.line, 'stock_point_id', 'import.unknown_point');
      const hash = distributionHash(
        { campId: row.campId, itemId: itemId ?? '', stockPointId: row.stockPointId, quantity: row.quantity, households: row.households, people: row.people, notes: row.notes ?? undefined },
        row.distributedAt,
      );
      const previous = existing.get(row.clientKey);
      if (previous !== undefined && previous !== hash) fail(row.line, 'client_id', 'import.client_id_reused');
      row.locationId = locationId ?? '';
      row.itemId = itemId ?? '';
      row.requestHash = hash;
      row.skip = previous === hash;
    }
  }

  /**
   * Draws the stock once per (stock point, item), in lock order, with one movement each that
   * stands for all the file's rows at that level ("CSV import <id>, N rows"); then writes every
   * distribution with one INSERT (unnest), so 20,000 rows take a handful of statements and one
   * ledger line per level, not 20,000.
   */
  private async write(manager: EntityManager, actor: Actor, importId: string, rows: Row[]): Promise<void> {
    if (rows.length === 0) return;
    const draws = new Map<string, { stockPointId: string; itemId: string; quantity: number; rows: number }>();
    for (const row of rows) {
      const key = `${row.stockPointId}:${row.itemId}`;
      const draw = draws.get(key) ?? { stockPointId: row.stockPointId, itemId: row.itemId, quantity: 0, rows: 0 };
      draw.quantity += row.quantity;
      draw.rows++;
      draws.set(key, draw);
    }
    const moved = await this.stock.moveInLockOrder(
      manager,
      [...draws.values()].map((draw) => ({
        organisationId: actor.organisationId,
        recordedBy: actor.userId,
        stockPointId: draw.stockPointId,
        itemId: draw.itemId,
        kind: 'distribution' as const,
        delta: -draw.quantity,
        importId,
        reference: `CSV import ${importId}, ${draw.rows} row${draw.rows === 1 ? '' : 's'}`,
      })),
    );
    // The running level row by row, in file order: the first row sees the most left.
    const levelAfter = new Map<string, number>();
    for (const { stockPointId, itemId, balance } of moved) {
      const key = `${stockPointId}:${itemId}`;
      levelAfter.set(key, balance + draws.get(key)!.quantity);
    }
    for (const row of rows) {
      const key = `${row.stockPointId}:${row.itemId}`;
      row.stockLeft = levelAfter.get(key)! - row.quantity;
      levelAfter.set(key, row.stockLeft);
    }
    await this.repository.insertImported(manager, actor.organisationId, actor.userId, importId, rows);
  }
}
