import { Module } from '@nestjs/common';
import { DistributionsController } from './distributions.controller.js';
import { DistributionImportService } from './distribution-import.service.js';
import { DistributionsService } from './distributions.service.js';

@Module({ controllers: [DistributionsController], providers: [DistributionsService, DistributionImportService] })
export class DistributionsModule {}
