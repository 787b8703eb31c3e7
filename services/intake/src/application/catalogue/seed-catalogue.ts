import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ProcedureCatalogue } from './procedure-catalogue';
import { SEED_PROCEDURES } from './seed/procedures.seed';

/** Loads the sample catalogue at start; versions already present are left as they are. */
@Injectable()
export class SeedCatalogue implements OnApplicationBootstrap {
  private readonly logger = new Logger('catalogue');

  constructor(private readonly catalogue: ProcedureCatalogue) {}

  async onApplicationBootstrap(): Promise<void> {
    const added = await this.catalogue.publish(SEED_PROCEDURES);
    if (added > 0) this.logger.log(`seeded ${added} procedure version(s)`);
  }
}
