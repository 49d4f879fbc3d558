import { Module } from '@nestjs/common';
import { ConvoysModule } from '../convoys/convoys.module.js';
import { IncidentsModule } from '../incidents/incidents.module.js';
import { PauseWindowsModule } from '../pause-windows/pause-windows.module.js';
import { OverviewController } from './overview.controller.js';
import { OverviewRepository } from './overview.repository.js';
import { OverviewService } from './overview.service.js';

/** A read model across convoys, windows, incidents, camps and stock; it writes nothing. */
@Module({ imports: [ConvoysModule, PauseWindowsModule, IncidentsModule], controllers: [OverviewController], providers: [OverviewService, OverviewRepository] })
export class OverviewModule {}
