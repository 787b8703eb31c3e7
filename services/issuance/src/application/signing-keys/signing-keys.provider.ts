import { Injectable, OnModuleInit } from '@nestjs/common';
import type { Provider } from '@nestjs/common';
import { PgDatabase } from '@motcua/event-store';
import { CLOCK, Clock, CONFIG, ConfigurationError, DATABASE } from '@motcua/platform';
import type { IssuanceConfig } from '../../issuance.config';
import { SigningKeys } from './signing-keys';

export const signingKeysProvider: Provider = {
  provide: SigningKeys,
  inject: [DATABASE, CLOCK, CONFIG],
  useFactory: (db: PgDatabase, clock: Clock, config: IssuanceConfig) => new SigningKeys(db, clock, config.SIGNING_KEY_SECRET),
};

/**
 * The first start creates a key; later starts find it and prove the configured secret opens it,
 * so a replica with the wrong secret refuses to start instead of dead-lettering every decision.
 * The messaging module is global, so its migrations run before this hook; consumers start later.
 */
@Injectable()
export class EnsureSigningKey implements OnModuleInit {
  constructor(private readonly keys: SigningKeys) {}

  async onModuleInit(): Promise<void> {
    const keyId = await this.keys.ensureActive();
    try {
      await this.keys.activeSigner();
    } catch {
      throw new ConfigurationError([`SIGNING_KEY_SECRET does not open the active signing key ${keyId}; use the secret it was sealed with`]);
    }
  }
}
