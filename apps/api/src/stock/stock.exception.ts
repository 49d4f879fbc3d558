import { AppException } from '../common/problem/app-exception.js';

export class StockException extends AppException {
  /** The numbers the user must see: "only 40 tents left at Sarmada store". */
  static insufficient(available: number, requested: number, field = 'quantity'): StockException {
    return new StockException(409, 'stock.insufficient', 'Not enough stock', `Only ${available} available at this stock point; ${requested} requested`, [
      { field, reason: `only ${available} available` },
    ]);
  }

  static stockPointNotFound(field = 'stockPointId'): StockException {
    return new StockException(422, 'stock.unknown_point', 'Unknown stock point', 'No stock point with this id in your organisation', [
      { field, reason: 'no stock point with this id in your organisation' },
    ]);
  }

  static itemNotFound(): StockException {
    return new StockException(422, 'stock.unknown_item', 'Unknown item', 'No item with this id', [{ field: 'itemId', reason: 'no item with this id' }]);
  }

  static sameStockPoint(): StockException {
    return new StockException(422, 'stock.same_point', 'Same stock point', 'A transfer goes from one stock point to another', [
      { field: 'toStockPointId', reason: 'must differ from fromStockPointId' },
    ]);
  }

  static movementNotFound(id: string): StockException {
    return new StockException(404, 'stock.movement_not_found', 'Movement not found', `No movement with id ${id}`);
  }

  static notReversible(reason: string): StockException {
    return new StockException(422, 'stock.not_reversible', 'Cannot reverse', reason);
  }

  static nothingCounted(): StockException {
    return new StockException(422, 'stock.count_matches', 'Nothing to adjust', 'The count matches the stock level', [
      { field: 'countedQuantity', reason: 'equals the current level: nothing to adjust' },
    ]);
  }
}
