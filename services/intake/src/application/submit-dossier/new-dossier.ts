import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { localDate } from '@motcua/calendar';
import { applicantRef, type DossierSubmitted, type EventData } from '@motcua/contracts';
import { EventStore } from '@motcua/event-store';
import { EVENT_STORE } from '@motcua/messaging';
import { CONFIG, ValidationFailedError } from '@motcua/platform';
import { checkCitizenId } from '../../domain/applicant/citizen-id';
import { isValidTaxCode } from '../../domain/applicant/tax-code';
import type { ProcedureVersion } from '../../domain/catalogue/procedure';
import { checkSubmission } from '../../domain/catalogue/submission-rules';
import type { DossierEvent } from '../../domain/dossier/dossier.events';
import { IntakeConfig } from '../../intake.config';
import { UnitSucceededError } from '../../domain/catalogue/reorganisation.errors';
import { ProcedureCatalogue } from '../catalogue/procedure-catalogue';
import { UnitDirectoryReader } from '../catalogue/unit-directory';
import { DossierCodeAllocator } from '../dossier-codes/dossier-code.allocator';
import { ApplicantRecord, ApplicantRegistry } from './applicant-registry';
import type { DossierRequest } from './submit-dossier.command';
import { toComponent } from '../dossier-components';

type Submitted = EventData<typeof DossierSubmitted>;

export interface DossierDraft {
  procedure: ProcedureVersion;
  applicant: ApplicantRecord;
  /** The receiving unit and its local day, whose sequence numbers the dossier. */
  unit: string;
  localDate: string;
  withCode(code: string): Submitted;
}

/**
 * What every new dossier goes through, whatever its channel: the applicant's identity and the
 * catalogue's rules checked, personal data kept in intake's table only, the dossier code taken.
 * Callers run it inside their transaction, so a refusal later on leaves no code and no row.
 */
@Injectable()
export class NewDossiers {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CONFIG) private readonly config: IntakeConfig,
    private readonly catalogue: ProcedureCatalogue,
    private readonly codes: DossierCodeAllocator,
    private readonly applicants: ApplicantRegistry,
    private readonly units: UnitDirectoryReader,
  ) {}

  /** `portal`: the portal submitting online, recorded so that it alone may reach the dossier later. */
  async prepare(request: DossierRequest, channel: Submitted['channel'], now: Date, portal?: string): Promise<{ submitted: Submitted; procedure: ProcedureVersion }> {
    const draft = await this.draft(request, channel, now, portal);
    await this.applicants.remember(draft.applicant);
    return { submitted: draft.withCode(await this.codes.next(draft.unit, localDate(now))), procedure: draft.procedure };
  }

  /**
   * Everything a new dossier needs short of its writes: the checks (they refuse it before any
   * transaction), the applicant's record and reference, and the event's data once a code is given.
   */
  async draft(request: DossierRequest, channel: Submitted['channel'], now: Date, portal?: string): Promise<DossierDraft> {
    checkApplicant(request.applicant, now);
    const procedure = await this.catalogue.inForce(request.procedureCode, now);
    const unit = await this.receivingUnit(request.unit, channel, now);
    checkSubmission(procedure, { channel, ...unit, documentIds: request.components.map((c) => c.componentId) });
    const ref = applicantRef(request.applicant.kind, request.applicant.identifier, this.config.APPLICANT_REF_KEY);
    const dossierId = randomUUID();
    return {
      procedure,
      applicant: { applicantRef: ref, ...request.applicant },
      unit: unit.unit,
      localDate: localDate(now),
      withCode: (code) => ({
        dossierId,
        code,
        submittedAt: now.toISOString(),
        channel,
        unit: unit.unit,
        procedureCode: procedure.code,
        procedureVersion: procedure.version,
        applicantRef: ref,
        applicantKind: request.applicant.kind,
        components: request.components.map(toComponent),
        delivery: request.delivery,
        ...(portal === undefined ? {} : { portal }),
      }),
    };
  }

  /**
   * A unit a reorganisation merged receives nothing from its end on: a portal is told the
   * successor to submit to; at the desk (the former unit's officers, in the transition window)
   * the successor takes the dossier.
   */
  private async receivingUnit(named: string, channel: Submitted['channel'], now: Date): Promise<{ unit: string; predecessors: string[] }> {
    const { succeededBy, predecessors } = await this.units.forSubmission(named, now);
    if (!succeededBy) return { unit: named, predecessors };
    if (channel === 'ONLINE') throw new UnitSucceededError(named, succeededBy.code, succeededBy.since);
    return { unit: succeededBy.code, predecessors: (await this.units.forSubmission(succeededBy.code, now)).predecessors };
  }

  /** A new dossier's first events open its stream; the id is fresh, so no one else can hold it. */
  async open(dossierId: string, events: DossierEvent[], now: Date): Promise<void> {
    await this.store.append(
      dossierId,
      events.map((event) => ({ id: randomUUID(), type: event.type, data: event.data, metadata: { subject: dossierId, time: now.toISOString() } })),
      { expectedVersion: 'no_stream' },
    );
  }
}

function checkApplicant(applicant: DossierRequest['applicant'], now: Date): void {
  if (applicant.kind === 'INDIVIDUAL') {
    const check = checkCitizenId(applicant.identifier, now.getUTCFullYear());
    if (!check.valid) throw new ValidationFailedError([{ field: 'applicant.identifier', message: `not a valid citizen ID number (${check.problem?.toLowerCase()})` }]);
  } else if (!isValidTaxCode(applicant.identifier)) {
    throw new ValidationFailedError([{ field: 'applicant.identifier', message: 'not a valid tax code (check digit)' }]);
  }
}
