// First: tracing (when configured) patches http, pg and kafkajs as they are loaded.
import '@motcua/platform/tracing';
import { bootstrapService } from '@motcua/platform';
import { PaymentConfig } from './payment.config';
import { PaymentModule } from './payment.module';

// Raw bodies are kept: callback signatures are computed over the bytes as sent.
void bootstrapService(PaymentModule, { service: 'payment', defaultPort: 3003, config: PaymentConfig, rawBody: true });
