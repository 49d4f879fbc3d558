import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LocationsModule } from '../locations/locations.module.js';
import { CampEntity } from './camp.entity.js';
import { CampsController } from './camps.controller.js';
import { CampsService } from './camps.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([CampEntity]), LocationsModule],
  controllers: [CampsController],
  providers: [CampsService],
  // For stock (a camp store's camp) and distributions (the camps of an imported file).
  exports: [CampsService],
})
export class CampsModule {}
