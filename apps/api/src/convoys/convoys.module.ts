import { Module } from '@nestjs/common';
import { IncidentsModule } from '../incidents/incidents.module.js';
import { LocationsModule } from '../locations/locations.module.js';
import { PauseWindowsModule } from '../pause-windows/pause-windows.module.js';
import { RoutesModule } from '../routes/routes.module.js';
import { StockModule } from '../stock/stock.module.js';
import { ConvoyBoardService } from './convoy-board.service.js';
import { ConvoyCargoService } from './convoy-cargo.service.js';
import { ConvoyCommandsService } from './convoy-commands.service.js';
import { ConvoysController } from './convoys.controller.js';
import { ConvoysRepository } from './convoys.repository.js';

/**
 * Convoys: routes and locations for where they go, pause windows and incidents for whether
 * they may, stock for their cargo. The board is exported for the overview, which shows the
 * organisation's convoys with their coverage and the others' by status.
 */
@Module({
  imports: [RoutesModule, LocationsModule, PauseWindowsModule, IncidentsModule, StockModule],
  controllers: [ConvoysController],
  providers: [ConvoysRepository, ConvoyBoardService, ConvoyCommandsService, ConvoyCargoService],
  exports: [ConvoyBoardService],
})
export class ConvoysModule {}
