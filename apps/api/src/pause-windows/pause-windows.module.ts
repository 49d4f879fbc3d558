import { Module } from '@nestjs/common';
import { RoutesModule } from '../routes/routes.module.js';
import { PauseWindowsController } from './pause-windows.controller.js';
import { PauseWindowsRepository } from './pause-windows.repository.js';
import { PauseWindowsService } from './pause-windows.service.js';

/** Windows cover routes and areas; exported for incidents (which break them), convoys (coverage) and the overview. */
@Module({ imports: [RoutesModule], controllers: [PauseWindowsController], providers: [PauseWindowsService, PauseWindowsRepository], exports: [PauseWindowsService] })
export class PauseWindowsModule {}
