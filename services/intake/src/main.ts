// First: tracing (when configured) patches http, pg and kafkajs as they are loaded.
import '@motcua/platform/tracing';
import { bootstrapService } from '@motcua/platform';
import { IntakeConfig } from './intake.config';
import { IntakeModule } from './intake.module';

void bootstrapService(IntakeModule, { service: 'intake', defaultPort: 3001, config: IntakeConfig });
