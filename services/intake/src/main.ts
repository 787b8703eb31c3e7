import { bootstrapService } from '@motcua/platform';
import { IntakeConfig } from './intake.config';
import { IntakeModule } from './intake.module';

void bootstrapService(IntakeModule, { service: 'intake', defaultPort: 3001, config: IntakeConfig });
