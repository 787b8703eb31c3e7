import { PipeTransform } from '@nestjs/common';
import { ValidationFailedError } from '@motcua/platform';

/** Receiving unit, local date YYMMDD, daily sequence: `H56.22-250106-0042`. */
export const DOSSIER_CODE = /^[A-Za-z0-9.]{1,40}-\d{6}-\d{4,8}$/;

export class DossierCodePipe implements PipeTransform<string, string> {
  constructor(private readonly field = 'code') {}

  transform(value: string): string {
    if (!DOSSIER_CODE.test(value)) throw new ValidationFailedError([{ field: this.field, message: `${this.field} must be a dossier code such as H56.22-250106-0042` }]);
    return value;
  }
}
