import { Module } from '@nestjs/common';
import { RoutesController } from './routes.controller.js';
import { RoutesRepository } from './routes.repository.js';
import { RoutesService } from './routes.service.js';

/** Routes are shared by every organisation; exported for pause windows (what they cover) and convoys (where they go). */
@Module({ controllers: [RoutesController], providers: [RoutesService, RoutesRepository], exports: [RoutesService] })
export class RoutesModule {}
