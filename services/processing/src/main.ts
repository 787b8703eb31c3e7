import { bootstrapService } from '@motcua/platform';
import { ProcessingModule } from './processing.module';

void bootstrapService(ProcessingModule, { service: 'processing', defaultPort: 3002 });
