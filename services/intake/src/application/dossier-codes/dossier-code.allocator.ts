import { PgDatabase, quoteSchema } from '@motcua/event-store';
import type { Migration } from '@motcua/event-store';
import { formatDossierCode } from '../../domain/dossier-code/dossier-code';

export const dossierCodeMigrations: Migration[] = [
  {
    id: 'intake/001_dossier_code_sequences',
    up: (s) => `
      create table ${s}.dossier_code_sequences (
        unit text not null,
        local_date date not null,
        last_sequence integer not null check (last_sequence >= 1),
        primary key (unit, local_date)
      );
      comment on table ${s}.dossier_code_sequences is 'Last dossier number given per receiving unit and local day.';
    `,
  },
];

/**
 * Gives the next dossier code of a unit for a local day. It must run inside the transaction that
 * appends the dossier's first events: the counter row stays locked until that commit, so
 * concurrent submissions queue, and a rolled-back submission hands its number back.
 */
export class DossierCodeAllocator {
  private readonly s: string;

  constructor(
    private readonly db: PgDatabase,
    schema: string,
  ) {
    this.s = quoteSchema(schema);
  }

  async next(unit: string, localDate: string): Promise<string> {
    return (await this.nextMany(unit, localDate, 1))[0];
  }

  /** `count` consecutive codes in one statement: submissions committed together take their numbers together. */
  async nextMany(unit: string, localDate: string, count: number): Promise<string[]> {
    if (!this.db.inTransaction) throw new Error('dossier codes are allocated inside the submission transaction');
    const { rows } = await this.db.query<{ last_sequence: number }>(
      `insert into ${this.s}.dossier_code_sequences (unit, local_date, last_sequence) values ($1, $2, $3)
       on conflict (unit, local_date) do update set last_sequence = dossier_code_sequences.last_sequence + $3
       returning last_sequence`,
      [unit, localDate, count],
    );
    const first = rows[0].last_sequence - count + 1;
    return Array.from({ length: count }, (_, i) => formatDossierCode(unit, localDate, first + i));
  }
}
