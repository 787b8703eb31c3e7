import { NotFoundError } from '@motcua/platform/errors';
import type { FormNumber } from './one-stop-form';

/** The act a form records never happened (no refusal, no such request): a 404, like an unknown dossier. */
export class FormNotFoundError extends NotFoundError {
  constructor(form: FormNumber) {
    super('FORM.NOT_FOUND', `No form ${form} was issued for this dossier`);
  }
}
