import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { localDate } from '@motcua/calendar';
import type { EventData, DossierSubmitted } from '@motcua/contracts';
import { EventStore } from '@motcua/event-store';
import { EVENT_STORE } from '@motcua/messaging';
import { CLOCK, Clock, CONFIG, IdempotentRequests, ValidationFailedError } from '@motcua/platform';
import { applicantRef } from '../../domain/applicant/applicant-ref';
import { checkCitizenId } from '../../domain/applicant/citizen-id';
import { isValidTaxCode } from '../../domain/applicant/tax-code';
import { checkSubmission } from '../../domain/catalogue/submission-rules';
import { decideDossier } from '../../domain/dossier/dossier.decider';
import { initialDossierState } from '../../domain/dossier/dossier.state';
import { IntakeConfig } from '../../intake.config';
import { ProcedureCatalogue } from '../catalogue/procedure-catalogue';
import { DossierCodeAllocator } from '../dossier-codes/dossier-code.allocator';
import { ApplicantRegistry } from './applicant-registry';
import { SubmitDossier, SubmittedDossier } from './submit-dossier.command';

/**
 * Online submission: in one transaction, the idempotency record, the applicant's personal data
 * (intake's table only), the dossier code and the dossier's first event. Events carry the
 * applicant as a keyed reference, never the ID number or the name.
 */
@CommandHandler(SubmitDossier)
export class SubmitDossierHandler implements ICommandHandler<SubmitDossier, { response: SubmittedDossier; replayed: boolean }> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CONFIG) private readonly config: IntakeConfig,
    private readonly idempotency: IdempotentRequests,
    private readonly catalogue: ProcedureCatalogue,
    private readonly codes: DossierCodeAllocator,
    private readonly applicants: ApplicantRegistry,
  ) {}

  execute({ portal, idempotencyKey, request }: SubmitDossier) {
    return this.idempotency.run(portal, idempotencyKey, request, async () => {
      const now = this.clock.now();
      checkApplicant(request.applicant, now);
      const procedure = await this.catalogue.inForce(request.procedureCode, now);
      checkSubmission(procedure, { channel: 'ONLINE', unit: request.unit, documentIds: request.components.map((c) => c.componentId) });

      const ref = applicantRef(request.applicant.kind, request.applicant.identifier, this.config.APPLICANT_REF_KEY);
      await this.applicants.remember({ applicantRef: ref, ...request.applicant });
      const dossierId = randomUUID();
      const code = await this.codes.next(request.unit, localDate(now));
      const submitted: EventData<typeof DossierSubmitted> = {
        dossierId,
        code,
        submittedAt: now.toISOString(),
        channel: 'ONLINE',
        unit: request.unit,
        procedureCode: procedure.code,
        procedureVersion: procedure.version,
        applicantRef: ref,
        applicantKind: request.applicant.kind,
        components: request.components.map(toComponent),
        delivery: request.delivery,
      };
      const events = decideDossier({ type: 'SubmitOnline', submitted }, initialDossierState);
      await this.store.append(
        dossierId,
        events.map((event) => ({ id: randomUUID(), type: event.type, data: event.data, metadata: { subject: dossierId, time: now.toISOString() } })),
        { expectedVersion: 'no_stream' },
      );
      return { dossierId, code, status: 'SUBMITTED' as const };
    });
  }
}

function checkApplicant(applicant: SubmitDossier['request']['applicant'], now: Date): void {
  if (applicant.kind === 'INDIVIDUAL') {
    const check = checkCitizenId(applicant.identifier, now.getUTCFullYear());
    if (!check.valid) throw new ValidationFailedError([{ field: 'applicant.identifier', message: `not a valid citizen ID number (${check.problem?.toLowerCase()})` }]);
  } else if (!isValidTaxCode(applicant.identifier)) {
    throw new ValidationFailedError([{ field: 'applicant.identifier', message: 'not a valid tax code (check digit)' }]);
  }
}

function toComponent(c: SubmitDossier['request']['components'][number]): EventData<typeof DossierSubmitted>['components'][number] {
  switch (c.provenance) {
    case 'ELECTRONIC':
      if (!c.documentId) throw new ValidationFailedError([{ field: `components.${c.componentId}.documentId`, message: 'an electronic component names its uploaded document' }]);
      return { componentId: c.componentId, name: c.name, provenance: 'ELECTRONIC', documentId: c.documentId };
    case 'REUSED':
      if (!c.repositoryDocumentId) throw new ValidationFailedError([{ field: `components.${c.componentId}.repositoryDocumentId`, message: 'a reused component names the repository document' }]);
      return { componentId: c.componentId, name: c.name, provenance: 'REUSED', repositoryDocumentId: c.repositoryDocumentId };
    case 'PAPER':
      return { componentId: c.componentId, name: c.name, provenance: 'PAPER' };
  }
}
