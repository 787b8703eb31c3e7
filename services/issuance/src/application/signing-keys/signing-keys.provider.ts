import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { Provider } from '@nestjs/common';
import { PgDatabase } from '@motcua/event-store';
import { CLOCK, Clock, CONFIG, DATABASE } from '@motcua/platform';
import type { IssuanceConfig } from '../../issuance.config';
import { SigningKeys } from './signing-keys';

export const signingKeysProvider: Provider = {
  provide: SigningKeys,
  inject: [DATABASE, CLOCK, CONFIG],
  useFactory: (db: PgDatabase, clock: Clock, config: IssuanceConfig) => new SigningKeys(db, clock, config.SIGNING_KEY_SECRET),
};

/**
 * The first start creates a key; later starts find it. Runs once the schema is migrated; a
 * consumer that signs first creates it the same way, under the same lock.
 */
@Injectable()
export class EnsureSigningKey implements OnApplicationBootstrap {
  constructor(private readonly keys: SigningKeys) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.keys.ensureActive();
  }
}
