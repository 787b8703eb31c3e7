// First: tracing (when configured) patches http, pg and kafkajs as they are loaded.
import '@motcua/platform/tracing';
import { bootstrapService } from '@motcua/platform';
import { ProcessingModule } from './processing.module';

void bootstrapService(ProcessingModule, { service: 'processing', defaultPort: 3002 });
