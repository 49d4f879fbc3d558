import { Module } from '@nestjs/common';
import { ConvoyReportsRepository } from './convoy-reports.repository.js';
import { DistributionReportsRepository } from './distribution-reports.repository.js';
import { ReportsController } from './reports.controller.js';
import { ReportsRepository } from './reports.repository.js';
import { ReportsService } from './reports.service.js';
import { StockReportsRepository } from './stock-reports.repository.js';

/** Read models for donors and the cluster: they read across features and write nothing but their audit rows. */
@Module({
  controllers: [ReportsController],
  providers: [ReportsService, ReportsRepository, DistributionReportsRepository, StockReportsRepository, ConvoyReportsRepository],
})
export class ReportsModule {}
