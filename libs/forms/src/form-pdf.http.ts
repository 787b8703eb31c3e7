import { applyDecorators, PipeTransform } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiResponse } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ValidationFailedError } from '@motcua/platform/errors';
import { renderFormPdf } from './form-pdf';
import type { OneStopForm } from './one-stop-form';

/** The OpenAPI of a route that prints a form: a PDF, or a problem when the form was never issued. */
export const ApiFormPdf = (form: string) =>
  applyDecorators(
    ApiProduces('application/pdf'),
    ApiOkResponse({ description: `${form} as a printable PDF (A4)`, content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } }),
    ApiResponse({ status: 404, description: 'No such dossier, or the form was not issued for it (FORM.NOT_FOUND)' }),
  );

/** Sends a form as an inline PDF named after its number and the dossier code (no personal data in it). */
export async function sendFormPdf(reply: FastifyReply, form: OneStopForm): Promise<void> {
  const bytes = await renderFormPdf(form);
  await reply
    .header('content-type', 'application/pdf')
    .header('content-length', String(bytes.length))
    .header('content-disposition', `inline; filename="mau-${form.form}-${(form.code ?? 'ho-so').replace(/[^\w.-]/g, '_')}.pdf"`)
    .header('cache-control', 'private, max-age=0')
    .send(bytes);
}

/** A path parameter that must be a whole number from 1 (a form's sequence); anything else is a 400 naming it. */
export const positiveIntParam = (name: string): PipeTransform<string, number> => ({
  transform(value: string) {
    const n = /^[1-9]\d{0,8}$/.test(value) ? Number(value) : NaN;
    if (Number.isNaN(n)) throw new ValidationFailedError([{ field: name, message: `${name} must be a whole number from 1` }]);
    return n;
  },
});
