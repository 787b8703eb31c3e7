import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, Clock } from '@motcua/platform';
import type { CatalogueEventOf } from '../../domain/catalogue/catalogue.events';
import { CatalogueWriter } from '../catalogue/catalogue.writer';

export class RetireProcedure {
  constructor(
    readonly code: string,
    /** ISO instant; now when absent. */
    readonly retiredAt?: string,
  ) {}
}

export type Retirement = CatalogueEventOf<'ProcedureRetired'>['data'];

/** Ends every version of a procedure at an instant (now or later); dossiers already received keep their terms. */
@CommandHandler(RetireProcedure)
export class RetireProcedureHandler implements ICommandHandler<RetireProcedure, Retirement> {
  constructor(
    private readonly writer: CatalogueWriter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ code, retiredAt }: RetireProcedure): Promise<Retirement> {
    const at = (retiredAt ? new Date(retiredAt) : this.clock.now()).toISOString();
    return this.writer.run(async (changes) => {
      const [retired] = await changes.procedure({ type: 'Retire', code, retiredAt: at });
      if (retired?.type !== 'ProcedureRetired') throw new Error('retiring a procedure recorded nothing');
      return retired.data;
    });
  }
}
