import { PgDatabase, quoteSchema } from '@motcua/event-store';
import type { Migration } from '@motcua/event-store';

export const applicantMigrations: Migration[] = [
  {
    id: 'intake/003_applicants',
    // Personal data lives here and nowhere else: a row can be erased; events and topics never held it.
    up: (s) => `
      create table ${s}.applicants (
        applicant_ref text primary key,
        kind text not null check (kind in ('INDIVIDUAL', 'ORGANISATION')),
        identifier text not null,
        full_name text not null,
        address text,
        phone text,
        email text,
        updated_at timestamptz not null default now()
      );
      comment on table ${s}.applicants is 'Personal data of applicants, keyed by the HMAC reference that events carry.';
    `,
  },
];

export interface ApplicantRecord {
  applicantRef: string;
  kind: 'INDIVIDUAL' | 'ORGANISATION';
  identifier: string;
  fullName: string;
  address?: string;
  phone?: string;
  email?: string;
}

export class ApplicantRegistry {
  private readonly s: string;

  constructor(
    private readonly db: PgDatabase,
    schema: string,
  ) {
    this.s = quoteSchema(schema);
  }

  /** The latest contact details win; the identity (reference, kind, identifier) never changes. */
  async remember(applicant: ApplicantRecord): Promise<void> {
    await this.rememberAll([applicant]);
  }

  /** Several applicants in one statement; the same applicant twice keeps the later details (an upsert may touch a row once). */
  async rememberAll(applicants: ApplicantRecord[]): Promise<void> {
    const latest = [...new Map(applicants.map((a) => [a.applicantRef, a])).values()];
    const column = <K extends keyof ApplicantRecord>(key: K) => latest.map((a) => a[key] ?? null);
    await this.db.query(
      `insert into ${this.s}.applicants (applicant_ref, kind, identifier, full_name, address, phone, email)
       select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
       on conflict (applicant_ref) do update set full_name = excluded.full_name, address = excluded.address,
         phone = excluded.phone, email = excluded.email, updated_at = now()`,
      [column('applicantRef'), column('kind'), column('identifier'), column('fullName'), column('address'), column('phone'), column('email')],
    );
  }
}
