// First: tracing (when configured) patches http, pg and kafkajs as they are loaded.
import '@motcua/platform/tracing';
import { bootstrapService } from '@motcua/platform';
import { DigitisationConfig } from './digitisation.config';
import { DigitisationModule } from './digitisation.module';

void bootstrapService(DigitisationModule, { service: 'digitisation', defaultPort: 3004, config: DigitisationConfig, multipart: true });
