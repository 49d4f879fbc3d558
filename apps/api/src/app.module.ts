import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CampsModule } from './camps/camps.module.js';
import { AppConfig } from './config/app-config.js';
import { buildDataSourceOptions } from './database/data-source-options.js';
import { HealthModule } from './health/health.module.js';
import { LocationsModule } from './locations/locations.module.js';
import { OrganisationsModule } from './organisations/organisations.module.js';

export const APP_CONFIG = Symbol('APP_CONFIG');

@Module({})
export class AppModule {
  /** `databaseUrl` is the server actually in use: DATABASE_URL, or the embedded one started for us. */
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        TypeOrmModule.forRoot({ ...buildDataSourceOptions(databaseUrl), retryAttempts: 0 }),
        HealthModule,
        OrganisationsModule,
        LocationsModule,
        CampsModule,
      ],
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
    };
  }
}
