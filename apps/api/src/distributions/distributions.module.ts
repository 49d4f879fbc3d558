import { Module } from '@nestjs/common';
import { CampsModule } from '../camps/camps.module.js';
import { StockModule } from '../stock/stock.module.js';
import { DistributionsController } from './distributions.controller.js';
import { DistributionImportService } from './distribution-import.service.js';
import { DistributionsRepository } from './distributions.repository.js';
import { DistributionsService } from './distributions.service.js';

/** Distributions draw stock (the CSV import through the stock repository) at the organisation's camps. */
@Module({
  imports: [StockModule, CampsModule],
  controllers: [DistributionsController],
  providers: [DistributionsRepository, DistributionsService, DistributionImportService],
})
export class DistributionsModule {}
