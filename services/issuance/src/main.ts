// First: tracing (when configured) patches http, pg and kafkajs as they are loaded.
import '@motcua/platform/tracing';
import { bootstrapService } from '@motcua/platform';
import { IssuanceConfig } from './issuance.config';
import { IssuanceModule } from './issuance.module';

void bootstrapService(IssuanceModule, { service: 'issuance', defaultPort: 3005, config: IssuanceConfig, multipart: true });
