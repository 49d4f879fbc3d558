import { Module } from '@nestjs/common';
import { ConvoysModule } from '../convoys/convoys.module.js';
import { OverviewModule } from '../overview/overview.module.js';
import { PauseWindowsModule } from '../pause-windows/pause-windows.module.js';
import { FieldKitController } from './field-kit.controller.js';
import { FieldKitRepository } from './field-kit.repository.js';
import { FieldKitService } from './field-kit.service.js';

/** A read model for the field screens: the overview's camp figures, the convoy board's own convoys, windows, stock. It writes nothing. */
@Module({ imports: [OverviewModule, ConvoysModule, PauseWindowsModule], controllers: [FieldKitController], providers: [FieldKitService, FieldKitRepository] })
export class FieldKitModule {}
