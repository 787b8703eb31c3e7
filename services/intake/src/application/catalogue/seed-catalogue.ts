import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { CatalogueWriter } from './catalogue.writer';
import { seedInto } from './seed-into';
import { SEED_PROCEDURES } from './seed/procedures.seed';
import { SEED_UNITS } from './seed/units.seed';

/**
 * Registers the sample units and publishes the sample procedure versions at start, as events,
 * so they reach the catalogue topic like any other change. Idempotent: replicas starting at once
 * take turns on a lock, and whatever is already there (a restart) is left as it is.
 */
@Injectable()
export class SeedCatalogue implements OnApplicationBootstrap {
  private readonly logger = new Logger('catalogue');

  constructor(private readonly writer: CatalogueWriter) {}

  async onApplicationBootstrap(): Promise<void> {
    const seeded = await this.writer.run(
      (changes) => seedInto(changes, { units: SEED_UNITS, procedures: SEED_PROCEDURES }, (what, problem) => this.logger.warn(`seed ${what} skipped: ${problem}`)),
      { exclusive: 'motcua.intake.seed-catalogue' },
    );
    if (seeded.units + seeded.versions > 0) this.logger.log(`seeded ${seeded.units} unit(s) and ${seeded.versions} procedure version(s)`);
  }
}
