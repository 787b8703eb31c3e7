// First: tracing (when configured) patches http, pg and kafkajs as they are loaded.
import '@motcua/platform/tracing';
import { bootstrapService } from '@motcua/platform';
import { ProjectionsModule } from './projections.module';

void bootstrapService(ProjectionsModule, { service: 'projections', defaultPort: 3006 });
