import { Global, Module } from '@nestjs/common';
import { LiveEventsController } from './live-events.controller.js';
import { LiveEventsService } from './live-events.service.js';

@Global()
@Module({ controllers: [LiveEventsController], providers: [LiveEventsService], exports: [LiveEventsService] })
export class LiveEventsModule {}
