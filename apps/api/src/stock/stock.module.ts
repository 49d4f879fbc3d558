import { Module } from '@nestjs/common';
import { CampsModule } from '../camps/camps.module.js';
import { IncidentsModule } from '../incidents/incidents.module.js';
import { StockController } from './stock.controller.js';
import { StockRepository } from './stock.repository.js';
import { StockService } from './stock.service.js';

/**
 * Stock points, levels and the ledger; camps for camp stores, incidents for the losses they
 * caused. The repository is exported because other features move stock through it: convoys
 * their cargo (and their in-transit point), the CSV import of distributions its draws.
 */
@Module({ imports: [CampsModule, IncidentsModule], controllers: [StockController], providers: [StockService, StockRepository], exports: [StockRepository] })
export class StockModule {}
