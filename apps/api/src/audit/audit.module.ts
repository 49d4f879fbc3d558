import { Global, Module } from '@nestjs/common';
import { AuditController } from './audit.controller.js';
import { AuditService } from './audit.service.js';

// Global on purpose: every write of every feature records its audit row in its own transaction,
// and every read of sensitive records is audited; importing it everywhere would say nothing.
@Global()
@Module({ controllers: [AuditController], providers: [AuditService], exports: [AuditService] })
export class AuditModule {}
