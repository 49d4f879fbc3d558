import { Global, Module } from '@nestjs/common';
import { PauseWindowsController } from './pause-windows.controller.js';
import { PauseWindowsService } from './pause-windows.service.js';

@Global()
@Module({ controllers: [PauseWindowsController], providers: [PauseWindowsService], exports: [PauseWindowsService] })
export class PauseWindowsModule {}
