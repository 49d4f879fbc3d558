import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApiTokensModule } from './api-tokens/api-tokens.module.js';
import { AuditModule } from './audit/audit.module.js';
import { ReplayModule } from './common/replay/replays.js';
import { AuthModule } from './auth/auth.module.js';
import { CampsModule } from './camps/camps.module.js';
import { DistributionsModule } from './distributions/distributions.module.js';
import { StockModule } from './stock/stock.module.js';
import { ConvoysModule } from './convoys/convoys.module.js';
import { IncidentsModule } from './incidents/incidents.module.js';
import { LiveEventsModule } from './live-events/live-events.module.js';
import { PauseWindowsModule } from './pause-windows/pause-windows.module.js';
import { RoutesModule } from './routes/routes.module.js';
import { APP_CONFIG } from './app-config.token.js';
import { AppConfig } from './config/app-config.js';
import { buildDataSourceOptions } from './database/data-source-options.js';
import { HealthModule } from './health/health.module.js';
import { LocationsModule } from './locations/locations.module.js';
import { OrganisationsModule } from './organisations/organisations.module.js';
import { UsersModule } from './users/users.module.js';
import { OverviewModule } from './overview/overview.module.js';
import { ReportsModule } from './reports/reports.module.js';
import { FieldKitModule } from './field-kit/field-kit.module.js';


@Module({})
export class AppModule {
  /** `databaseUrl` is the server actually in use: DATABASE_URL, or the embedded one started for us. */
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      // Global for its one export, the configuration read at start: cross-cutting, like the database.
      global: true,
      imports: [
        TypeOrmModule.forRoot({ ...buildDataSourceOptions(databaseUrl, config.requestTimeoutSeconds * 1000), retryAttempts: 0 }),
        AuditModule,
        ReplayModule,
        AuthModule,
        HealthModule,
        OrganisationsModule,
        UsersModule,
        ApiTokensModule,
        LocationsModule,
        CampsModule,
        StockModule,
        DistributionsModule,
        LiveEventsModule,
        RoutesModule,
        PauseWindowsModule,
        IncidentsModule,
        ConvoysModule,
        OverviewModule,
        ReportsModule,
        FieldKitModule,
      ],
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
    };
  }
}
