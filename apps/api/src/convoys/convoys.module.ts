import { Module } from '@nestjs/common';
import { ConvoysController } from './convoys.controller.js';
import { ConvoysService } from './convoys.service.js';

@Module({ controllers: [ConvoysController], providers: [ConvoysService] })
export class ConvoysModule {}
