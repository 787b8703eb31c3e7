import { MigrationInterface, QueryRunner } from 'typeorm';
import { commentsOn, schemaOf } from './migration-sql';

const columns: Record<string, [string, string]> = {
  dossier_id: ['uuid primary key', 'The dossier (subject of its events).'],
  code: ['text', 'Dossier code the applicant holds, e.g. H56.22-250106-0001.'],
  status: ["text not null default 'UNKNOWN'", 'Furthest point of the life the topics show: SUBMITTED, RETURNED_FOR_SUPPLEMENT, REJECTED, RECEIVED, IN_PROCESSING, PAUSED, WITHDRAWN, STOPPED, RESOLVED, RESULT_ISSUED, COMPLETED; UNKNOWN while only other services than intake have spoken.'],
  unit: ['text', 'Administrative unit that received the dossier, as it was at reception.'],
  successor_unit: ['text', 'The unit that carries that unit on today after mergers (units.successor_today); equal to unit when it still exists.'],
  department: ['text', 'Department or agency of the first processing step; null until a case is assigned.'],
  current_agency: ['text', 'Agency of the latest processing step (inter-agency procedures move it).'],
  current_step: ['integer not null default 0', 'Step number of current_agency; 0 before the first assignment.'],
  procedure_code: ['text', 'National procedure code, e.g. 1.001612 (snapshot at reception).'],
  procedure_version: ['integer', 'Version of the procedure in force at reception.'],
  procedure_name: ['text', 'Procedure name at reception.'],
  field: ['text', 'Procedure field (lĩnh vực).'],
  level: ['text', 'Competent unit level: PROVINCE, DISTRICT (before 1/7/2025) or COMMUNE.'],
  service_level: ['text', 'Online service level of the procedure: FULL, PARTIAL, NONE.'],
  agencies: ["text[] not null default '{}'", 'Agencies of the procedure in processing order (more than one: inter-agency).'],
  processing_time_value: ['numeric', 'Legal processing time, in processing_time_unit.'],
  processing_time_unit: ['text', 'WORKING_DAYS or WORKING_HOURS: the unit 766 §2.2 averages are stated in.'],
  returns_document: ['boolean', 'The procedure returns a document (766 §3.3 and §4.1 conditions).'],
  e_result_allowed: ['boolean', 'An e-result may be issued; with returns_document it is required for 766 §4.2.'],
  pay_first: ['boolean', 'Payment comes before processing (the clock waits for it; not a supplement).'],
  fee_bearing: ['boolean', 'The procedure lists a fee or charge above 0 VND (the 766 §3.6 population).'],
  channel: ['text', 'ONLINE, COUNTER or POSTAL.'],
  submitted_at: ['timestamptz', 'Submitted (the code is given here).'],
  returned_at: ['timestamptz', 'Latest return for supplement at reception (Mẫu 02); not a supplement request.'],
  received_at: ['timestamptz', 'Accepted into processing: the clock and every 766 count start here.'],
  rejected_at: ['timestamptz', 'Refused at reception (Mẫu 03).'],
  withdrawn_at: ['timestamptz', 'Withdrawn by the applicant.'],
  case_assigned_at: ['timestamptz', 'First assignment of the handling case.'],
  stopped_at: ['timestamptz', 'Processing stopped without a decision.'],
  resolved_at: ['timestamptz', 'Decision taken (outcome).'],
  result_issued_at: ['timestamptz', 'Result issued (electronic or paper).'],
  delivered_at: ['timestamptz', 'Result delivered to the applicant.'],
  completed_at: ['timestamptz', 'Dossier completed (the last event of its life).'],
  due_at: ['timestamptz', 'Due date now: the last entry of due_history.'],
  due_history: ["jsonb not null default '[]'", 'Due date as set at reception and each change, in changedAt order: [{changedAt, dueAt, dueSoonFrom}]. The due date known at an instant is the last entry changed at or before it. An apology\'s new appointment is never an entry.'],
  due_soon_at: ['timestamptz', 'When processing first reported the dossier due soon.'],
  overdue_at: ['timestamptz', 'When processing first reported the dossier overdue.'],
  apology_issued_at: ['timestamptz', 'Latest apology letter (Mẫu 04).'],
  new_appointment_at: ['timestamptz', 'New appointment date of that letter; it never changes the on-time verdict.'],
  supplement_count: ['integer not null default 0', 'Supplement requests after reception; more than one makes the dossier late (766).'],
  pending_supplement_requested_at: ['timestamptz', 'Request time of a supplement request not yet answered; it ends the 766 clock.'],
  supplement_requests: ["jsonb not null default '[]'", 'Supplement requests after reception, in request order: [{requestId, sequence, requestedAt, answeredAt}]; answeredAt is when the documents reached the desk, null while pending.'],
  supplements_provided: ["jsonb not null default '[]'", 'Documents the applicant brought: [{requestId, providedAt}]; requestId null after a return at reception.'],
  pauses: ["jsonb not null default '[]'", 'Stretches the legal clock stood still: [{reason SUPPLEMENT|AWAITING_PAYMENT, pausedAt, resumedAt, workingMinutes}].'],
  paused_working_minutes: ['integer not null default 0', 'Office minutes the clock stood still: as processing recorded at resolution, before it the closed pauses.'],
  paused_working_minutes_at_resolution: ['integer', 'Paused office minutes as processing recorded them at resolution.'],
  payment_wait_from: ['timestamptz', 'A pay-first procedure\'s clock stands still from here until payment.'],
  payment_wait_until: ['timestamptz', 'End of the pay-first wait; null while waiting.'],
  outcome: ['text', 'APPROVED or DENIED.'],
  on_time: ['boolean', 'On-time verdict as processing recorded it at resolution; null before.'],
  resolution_working_minutes: ['integer', 'Office minutes from reception to resolution less the supplement and pay-first waits (766 §2.2), by the default working calendar; null until resolved.'],
  finished_on_time: ['boolean', 'The 766 §2.1 verdict at the finish (first of resolved, result issued, stopped, rejected, withdrawn), by the indicator rules; null while unfinished.'],
  working_day_minutes: ['integer not null default 450', 'Office minutes in one working day, to state resolution time in days.'],
  fee_assessed: ['bigint', 'Total assessed in integer VND; 0 for a fee-bearing procedure means an online exemption.'],
  fee_exempt: ['boolean', 'Payment said the fee came to 0 by an online exemption (leaves the 766 §3.6 denominator).'],
  paid_at: ['timestamptz', 'First successful payment.'],
  paid_online: ['boolean not null default false', 'A payment succeeded online (766 §3.6 numerator).'],
  paid_in_cash: ['boolean not null default false', 'A payment succeeded in cash at the counter.'],
  refunded_at: ['timestamptz', 'First refund.'],
  components: ["jsonb not null default '[]'", 'Each component: [{componentId, provenance ELECTRONIC|PAPER|REUSED, digitisedAt, reusedAt, reuseRefusedAt}].'],
  all_electronic: ['boolean not null default false', 'Every component exists in electronic form now (uploaded, reused or digitised); a later paper component turns it off.'],
  digitised_at: ['timestamptz', 'When digitisation reported every component electronic.'],
  reused: ['boolean not null default false', 'At least one component reused from the applicant\'s repository and not refused (766 §4.3).'],
  result_form: ['text', 'ELECTRONIC or PAPER.'],
  e_result: ['boolean not null default false', 'An electronic, signed result was issued (766 §4.1).'],
  result_digitised_at: ['timestamptz', 'A paper result was scanned.'],
  last_event_at: ['timestamptz', 'Domain time of the latest event about the dossier.'],
};

export class DossierFacts1764633600001 implements MigrationInterface {
  name = 'DossierFacts1764633600001';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    const definitions = Object.entries(columns).map(([name, [type]]) => `${name} ${type}`);
    await queryRunner.query(`create table ${s}.dossier_facts (${definitions.join(', ')})`);
    await queryRunner.query(`create index dossier_facts_code on ${s}.dossier_facts (code)`);
    await queryRunner.query(`create index dossier_facts_received on ${s}.dossier_facts (received_at, successor_unit)`);
    await queryRunner.query(`create index dossier_facts_unit on ${s}.dossier_facts (unit)`);
    const about = 'One row per dossier with every fact a Decision 766 indicator needs, folded from every topic; the same whatever the order the topics arrived in.';
    await queryRunner.query(commentsOn(s, 'dossier_facts', about, Object.fromEntries(Object.entries(columns).map(([name, [, text]]) => [name, text]))));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`drop table ${schemaOf(queryRunner)}.dossier_facts`);
  }
}
