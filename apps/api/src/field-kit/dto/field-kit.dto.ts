import type { FieldKitCamp, FieldKitConvoy, FieldKitLevel, FieldKitResponse, FieldKitStockPoint } from '@relief-ledger/domain';
import { ConvoyResponseDto, WindowOnRouteDto } from '../../convoys/dto/convoy.dto.js';
import { IdField, InstantField, IntField, ListField, TextField } from '../../common/openapi/response-fields.js';
import { OverviewCampDto } from '../../overview/dto/overview.dto.js';
import { PauseWindowResponseDto } from '../../pause-windows/dto/pause-window.dto.js';
import { ItemResponseDto, StockPointResponseDto } from '../../stock/dto/stock.dto.js';

export class FieldKitCampDto extends OverviewCampDto implements FieldKitCamp {
  @TextField({ example: 'Asia/Damascus', description: "IANA zone of the camp's location: the wall clock a distribution there is entered in" }) zone: string;
  @IdField({ nullable: true, description: "The camp's own store (the first by name when it has several); null when it has none" }) storeId: string | null;
}

export class FieldKitLevelDto implements FieldKitLevel {
  @IdField() itemId: string;
  @IntField({ minimum: 1 }) quantity: number;
}

export class FieldKitStockPointDto extends StockPointResponseDto implements FieldKitStockPoint {
  @ListField(FieldKitLevelDto, { description: 'The items it holds, most first; an item it does not hold is left out' }) levels: FieldKitLevelDto[];
}

export class FieldKitConvoyDto extends ConvoyResponseDto implements FieldKitConvoy {
  @ListField(WindowOnRouteDto, { description: 'Pause windows on its route over its trip' }) windows: WindowOnRouteDto[];
}

export class FieldKitResponseDto implements FieldKitResponse {
  @InstantField({ description: 'When the server read it: what the phone says "as of" when it shows it offline' }) asOf: string;
  @TextField({ example: 'Asia/Damascus', description: "The zone most of the organisation's camps are in" }) zone: string;
  @ListField(FieldKitCampDto, { description: "The organisation's open camps, worst covered first" }) camps: FieldKitCampDto[];
  @ListField(ItemResponseDto) items: ItemResponseDto[];
  @ListField(FieldKitStockPointDto, { description: "The organisation's stores and warehouses with their levels" }) stockPoints: FieldKitStockPointDto[];
  @ListField(FieldKitConvoyDto, { description: "The organisation's convoys on the road and those planned to leave today, overdue first" }) convoys: FieldKitConvoyDto[];
  @ListField(PauseWindowResponseDto, { description: "Every organisation's pause windows in force now, soonest ending first" }) windowsInForce: PauseWindowResponseDto[];
}
