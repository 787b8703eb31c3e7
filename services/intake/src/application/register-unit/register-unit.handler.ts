import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ValidationFailedError } from '@motcua/platform';
import type { AdministrativeUnit } from '../../domain/catalogue/administrative-unit';
import { UnknownUnitsError } from '../../domain/catalogue/catalogue.errors';
import { unitParentProblems, unitProblems } from '../../domain/catalogue/catalogue.rules';
import { CatalogueWriter } from '../catalogue/catalogue.writer';

export class RegisterUnit {
  constructor(readonly unit: AdministrativeUnit) {}
}

/** A unit or agency joins the catalogue (a merger: the new unit, naming those it succeeds). */
@CommandHandler(RegisterUnit)
export class RegisterUnitHandler implements ICommandHandler<RegisterUnit, AdministrativeUnit> {
  constructor(private readonly writer: CatalogueWriter) {}

  execute({ unit }: RegisterUnit): Promise<AdministrativeUnit> {
    const problems = unitProblems(unit);
    if (problems.length > 0) throw new ValidationFailedError(problems);
    return this.writer.run(async (changes) => {
      const parent = unitParentProblems(unit, await changes.directory());
      if (parent.length > 0) throw new UnknownUnitsError(parent);
      await changes.unit({ type: 'Register', unit });
      return unit;
    });
  }
}
