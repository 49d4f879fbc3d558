import { Module } from '@nestjs/common';
import { PauseWindowsModule } from '../pause-windows/pause-windows.module.js';
import { IncidentsController } from './incidents.controller.js';
import { IncidentsRepository } from './incidents.repository.js';
import { IncidentsService } from './incidents.service.js';

/** An incident may break pause windows; exported for convoys (struck, go/no-go), stock (losses) and the overview. */
@Module({ imports: [PauseWindowsModule], controllers: [IncidentsController], providers: [IncidentsService, IncidentsRepository], exports: [IncidentsService] })
export class IncidentsModule {}
