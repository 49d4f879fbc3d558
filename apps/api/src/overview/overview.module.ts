import { Module } from '@nestjs/common';
import { ConvoysModule } from '../convoys/convoys.module.js';
import { OverviewController } from './overview.controller.js';
import { OverviewRepository } from './overview.repository.js';
import { OverviewService } from './overview.service.js';

/** A read model across convoys, windows, incidents, camps and stock; it writes nothing. */
@Module({ imports: [ConvoysModule], controllers: [OverviewController], providers: [OverviewService, OverviewRepository] })
export class OverviewModule {}
