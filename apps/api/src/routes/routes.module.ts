import { Global, Module } from '@nestjs/common';
import { RoutesController } from './routes.controller.js';
import { RoutesService } from './routes.service.js';

@Global()
@Module({ controllers: [RoutesController], providers: [RoutesService], exports: [RoutesService] })
export class RoutesModule {}
