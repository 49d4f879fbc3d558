import { fieldProblem } from '@relief-ledger/domain';
import { AppException } from '../common/problem/app-exception.js';

/** Why a movement cannot be undone by hand; the code travels as `why` for the reader's language. */
const NOT_REVERSIBLE = {
  reversal: 'A reversal is not reversed: record the movement again instead',
  distribution: 'A distribution happened; record a receipt if goods came back',
  convoy: "A convoy moved these goods: change the convoy's status instead",
  done: 'This movement has already been reversed',
} as const;

export class StockException extends AppException {
  /** The numbers the user must see: "only 40 tents left at Sarmada store". */
  static insufficient(available: number, requested: number, field = 'quantity'): StockException {
    return new StockException(409, 'stock.insufficient', 'Not enough stock', undefined, [fieldProblem(field, 'field.insufficient', { available })], { available, requested });
  }

  static stockPointNotFound(field = 'stockPointId'): StockException {
    return new StockException(422, 'stock.unknown_point', 'Unknown stock point', undefined, [fieldProblem(field, 'field.no_such_here', { what: 'stock point' })]);
  }

  static pointNotFound(id: string): StockException {
    return new StockException(404, 'stock.point_not_found', 'Stock point not found', undefined, undefined, { id });
  }

  static itemNotFound(): StockException {
    return new StockException(422, 'stock.unknown_item', 'Unknown item', undefined, [fieldProblem('itemId', 'field.no_such', { what: 'item' })]);
  }

  static sameStockPoint(): StockException {
    return new StockException(422, 'stock.same_point', 'Same stock point', undefined, [fieldProblem('toStockPointId', 'field.same_point')]);
  }

  static staleVersion(sent: number, current: number): StockException {
    return new StockException(409, 'stock.stale_version', 'Stock point changed meanwhile', undefined, undefined, { sent, current });
  }

  static duplicateName(name: string): StockException {
    return new StockException(409, 'stock.duplicate_name', 'Stock point already exists', undefined, [fieldProblem('name', 'field.name_taken', { what: 'stock point', name })], { name });
  }

  static movementNotFound(id: string): StockException {
    return new StockException(404, 'stock.movement_not_found', 'Movement not found', undefined, undefined, { id });
  }

  static notReversible(why: keyof typeof NOT_REVERSIBLE): StockException {
    return new StockException(422, 'stock.not_reversible', 'Cannot reverse', NOT_REVERSIBLE[why], undefined, { why });
  }

  static nothingCounted(): StockException {
    return new StockException(422, 'stock.count_matches', 'Nothing to adjust', undefined, [fieldProblem('countedQuantity', 'field.count_matches')]);
  }
}
