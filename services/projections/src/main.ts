import { bootstrapService } from '@motcua/platform';
import { ProjectionsModule } from './projections.module';

void bootstrapService(ProjectionsModule, { service: 'projections', defaultPort: 3006 });
