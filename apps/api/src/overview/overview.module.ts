import { Module } from '@nestjs/common';
import { ConvoysModule } from '../convoys/convoys.module.js';
import { IncidentsModule } from '../incidents/incidents.module.js';
import { PauseWindowsModule } from '../pause-windows/pause-windows.module.js';
import { OverviewController } from './overview.controller.js';
import { OverviewRepository } from './overview.repository.js';
import { OverviewService } from './overview.service.js';

/**
 * A read model across convoys, windows, incidents, camps and stock; it writes nothing. Its
 * repository is exported for the field kit, which shows the same camp coverage.
 */
@Module({
  imports: [ConvoysModule, PauseWindowsModule, IncidentsModule],
  controllers: [OverviewController],
  providers: [OverviewService, OverviewRepository],
  exports: [OverviewRepository],
})
export class OverviewModule {}
