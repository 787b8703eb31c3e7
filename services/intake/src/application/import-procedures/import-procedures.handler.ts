import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DomainError } from '@motcua/platform/errors';
import { unitReferenceProblems } from '../../domain/catalogue/catalogue.rules';
import { CatalogueWriter } from '../catalogue/catalogue.writer';
import { ImportProcedures, ImportRejectedError, ImportResult, RowError } from './import-procedures.command';

/**
 * Defines one version per row, in row order (rows of one code become its consecutive versions),
 * in a single transaction. Each row still meets the catalogue's state (a retired procedure, a
 * version taking effect before the last), so every row is tried; any problem rolls all back.
 */
@CommandHandler(ImportProcedures)
export class ImportProceduresHandler implements ICommandHandler<ImportProcedures, ImportResult> {
  constructor(private readonly writer: CatalogueWriter) {}

  execute({ rows, rejected }: ImportProcedures): Promise<ImportResult> {
    return this.writer.run(async (changes) => {
      const errors: RowError[] = [...rejected];
      const directory = await changes.directory();
      let added = 0;
      for (const { line, definition } of rows) {
        const references = unitReferenceProblems(definition, directory);
        if (references.length > 0) {
          errors.push(...references.map((problem) => ({ line, ...problem })));
          continue;
        }
        try {
          added += (await changes.procedure({ type: 'DefineVersion', definition })).length;
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          const problems = error.fieldErrors.length > 0 ? error.fieldErrors : [{ field: 'code', message: error.message }];
          errors.push(...problems.map((problem) => ({ line, ...problem })));
        }
      }
      // Thrown inside the transaction: the versions defined for the good rows are rolled back.
      if (errors.length > 0) throw new ImportRejectedError(errors);
      return { rows: rows.length, added };
    });
  }
}
