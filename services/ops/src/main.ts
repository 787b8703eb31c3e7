import { bootstrapService } from '@motcua/platform';
import { OpsModule } from './ops.module';

void bootstrapService(OpsModule, { service: 'ops', defaultPort: 3000 });
