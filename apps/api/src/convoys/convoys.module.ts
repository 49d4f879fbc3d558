import { Module } from '@nestjs/common';
import { ConvoysController } from './convoys.controller.js';
import { ConvoysService } from './convoys.service.js';

// Exported for the overview, which shows the board's convoys with their coverage.
@Module({ controllers: [ConvoysController], providers: [ConvoysService], exports: [ConvoysService] })
export class ConvoysModule {}
