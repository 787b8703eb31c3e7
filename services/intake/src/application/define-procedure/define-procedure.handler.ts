import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ValidationFailedError } from '@motcua/platform';
import { definitionProblems, unitReferenceProblems } from '../../domain/catalogue/catalogue.rules';
import { UnknownUnitsError } from '../../domain/catalogue/catalogue.errors';
import type { ProcedureVersion } from '../../domain/catalogue/procedure';
import type { ProcedureDefinition } from '../../domain/catalogue/procedure.decider';
import { CatalogueWriter } from '../catalogue/catalogue.writer';

export class DefineProcedure {
  constructor(readonly definition: ProcedureDefinition) {}
}

/** The procedure's next version (1 for a new one), in force from its effective date. */
@CommandHandler(DefineProcedure)
export class DefineProcedureHandler implements ICommandHandler<DefineProcedure, ProcedureVersion> {
  constructor(private readonly writer: CatalogueWriter) {}

  execute({ definition }: DefineProcedure): Promise<ProcedureVersion> {
    const problems = definitionProblems(definition);
    if (problems.length > 0) throw new ValidationFailedError(problems);
    return this.writer.run(async (changes) => {
      const references = unitReferenceProblems(definition, await changes.directory());
      if (references.length > 0) throw new UnknownUnitsError(references);
      const [defined] = await changes.procedure({ type: 'DefineVersion', definition });
      if (defined?.type !== 'ProcedureVersionDefined') throw new Error('defining a procedure recorded no version');
      return defined.data;
    });
  }
}
