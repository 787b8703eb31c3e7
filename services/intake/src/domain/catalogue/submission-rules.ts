import { DomainError } from '@motcua/platform/errors';
import type { ProcedureVersion } from './procedure';

export class ProcedureNotOnlineError extends DomainError {
  constructor() {
    super('PROCEDURE.NOT_ONLINE', 'RULE', 'This procedure is not offered online (service level NONE): submit it at a one-stop desk');
  }
}

export class ProcedureNotOfferedAtUnitError extends DomainError {
  constructor(unit: string) {
    super('PROCEDURE.NOT_OFFERED_AT_UNIT', 'RULE', `This procedure is not received at unit ${unit}`);
  }
}

export class MissingDocumentsError extends DomainError {
  constructor(readonly missing: { id: string; name: string }[]) {
    super(
      'DOSSIER.MISSING_DOCUMENTS',
      'RULE',
      `Required documents are missing: ${missing.map((d) => d.name).join('; ')}`,
      missing.map((d) => ({ field: `components.${d.id}`, message: `${d.name} is required` })),
    );
  }
}

export interface SubmissionFacts {
  channel: 'ONLINE' | 'COUNTER' | 'POSTAL';
  unit: string;
  /** Units merged into it: a procedure they received, it receives now. */
  predecessors?: string[];
  /** Ids of the required-document entries the components answer. */
  documentIds: string[];
}

/** The catalogue's rules for a new dossier; every missing document is listed at once. */
export function checkSubmission(procedure: ProcedureVersion, facts: SubmissionFacts): void {
  if (facts.channel === 'ONLINE' && procedure.serviceLevel === 'NONE') throw new ProcedureNotOnlineError();
  const receiving = [facts.unit, ...(facts.predecessors ?? [])];
  if (!procedure.units.some((unit) => receiving.includes(unit))) throw new ProcedureNotOfferedAtUnitError(facts.unit);
  const given = new Set(facts.documentIds);
  const missing = procedure.requiredDocuments.filter((d) => d.required && !given.has(d.id));
  if (missing.length > 0) throw new MissingDocumentsError(missing);
}
