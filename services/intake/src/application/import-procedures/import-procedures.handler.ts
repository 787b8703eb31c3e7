import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { unitReferenceProblems } from '../../domain/catalogue/catalogue.rules';
import { CatalogueWriter } from '../catalogue/catalogue.writer';
import { ImportProcedures, ImportRejectedError, ImportResult, RowError } from './import-procedures.command';

/**
 * Defines one version per row, in row order (rows of one code become its consecutive versions),
 * in a single transaction. Each row still meets the catalogue's state (a retired procedure, a
 * version taking effect before the last), so every row is tried; any problem rolls all back.
 * The rows are decided as one batch: the province's 2,223 procedures are read and appended in a
 * couple of statements, not two round trips each.
 */
@CommandHandler(ImportProcedures)
export class ImportProceduresHandler implements ICommandHandler<ImportProcedures, ImportResult> {
  constructor(private readonly writer: CatalogueWriter) {}

  execute({ rows, rejected }: ImportProcedures): Promise<ImportResult> {
    return this.writer.run(async (changes) => {
      const errors: RowError[] = [...rejected];
      const directory = await changes.directory();
      const referenced = rows.filter(({ line, definition }) => {
        const references = unitReferenceProblems(definition, directory);
        errors.push(...references.map((problem) => ({ line, ...problem })));
        return references.length === 0;
      });
      const outcomes = await changes.procedures(
        referenced.map(({ definition }) => ({ type: 'DefineVersion', definition })),
        { write: errors.length === 0 },
      );
      let added = 0;
      outcomes.forEach((outcome, i) => {
        if ('events' in outcome) {
          added += outcome.events.length;
          return;
        }
        const problems = outcome.error.fieldErrors.length > 0 ? outcome.error.fieldErrors : [{ field: 'code', message: outcome.error.message }];
        errors.push(...problems.map((problem) => ({ line: referenced[i].line, ...problem })));
      });
      // Thrown inside the transaction: whatever the batch wrote (nothing, when a row was refused) is rolled back.
      if (errors.length > 0) throw new ImportRejectedError(errors);
      return { rows: rows.length, added };
    });
  }
}
