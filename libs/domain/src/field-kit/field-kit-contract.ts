import type { ConvoyResponse, WindowOnRoute } from '../convoys/convoy-contract';
import type { OverviewCamp } from '../overview/overview-contract';
import type { PauseWindowResponse } from '../pause-windows/pause-window-contract';
import type { ItemResponse, StockPointResponse } from '../stock/stock-contract';

/** An open camp of the organisation, with its coverage, its site's zone and its own store. */
export interface FieldKitCamp extends OverviewCamp {
  /** IANA zone of the camp's location: the wall clock a distribution there is entered in. */
  zone: string;
  /** The camp's own store (the first by name when it has several); null when it has none. */
  storeId: string | null;
}

/** What a stock point holds: the items with a level above zero. */
export interface FieldKitLevel {
  itemId: string;
  quantity: number;
}

export interface FieldKitStockPoint extends StockPointResponse {
  levels: FieldKitLevel[];
}

/** A convoy on the road or planned today, with the pause windows on its route over its trip. */
export interface FieldKitConvoy extends ConvoyResponse {
  windows: WindowOnRoute[];
}

/**
 * Everything the field screens pick from and show, in one answer: a phone on a bad network
 * makes one request before a form can be used, and keeps the answer to work from offline.
 */
export interface FieldKitResponse {
  /** The server's time when the kit was read: what "as of" says offline. */
  asOf: string;
  /** The zone most of the organisation's camps are in, for a camp-less entry. */
  zone: string;
  camps: FieldKitCamp[];
  items: ItemResponse[];
  /** The organisation's stores and warehouses (not convoys' in-transit points). */
  stockPoints: FieldKitStockPoint[];
  convoys: FieldKitConvoy[];
  /** Every organisation's windows in force now, soonest ending first. */
  windowsInForce: PauseWindowResponse[];
}
