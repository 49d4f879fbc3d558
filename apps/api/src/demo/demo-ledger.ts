import type { EntityManager } from 'typeorm';
import { type Moved, type Movement, StockRepository } from '../stock/stock.repository.js';

/**
 * The demo's stock moves the app's one way, through the stock repository's move(), so its
 * levels and ledger agree as the app's do. The loader runs before Nest serves anything, so
 * the repository is built here by hand.
 */
export function move(manager: EntityManager, movement: Movement): Promise<Moved> {
  return new StockRepository(manager.connection).move(manager, movement);
}
