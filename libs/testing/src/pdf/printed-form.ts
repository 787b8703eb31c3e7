import { pdfText, searchableText } from './pdf-text';

/** The parts of a one-stop form (libs/forms' OneStopForm) a printed copy must show; structural, as libs/forms' own specs use this kit. */
export interface PrintableForm {
  form: string;
  title: string;
  fields: { label: string; value: string }[];
  lists: { items: string[] }[];
  statements: string[];
}

/** What a printed one-stop form must show as written: the motto, its number and title, every field, list item and statement. */
export function formTextsMissing(text: string, form: PrintableForm): string[] {
  return [form.title, `Mẫu số ${form.form}`, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', ...form.fields.flatMap((f) => [f.label, f.value]), ...form.lists.flatMap((l) => l.items), ...form.statements].filter(
    (value) => !text.includes(searchableText(value)),
  );
}

/** A PDF answer as a reader checks it: status, media type, the magic bytes, each page's media box rounded, and its searchable text. */
export async function readPrintedPdf(response: Response): Promise<{ status: number; contentType: string | null; magic: string; mediaBoxes: number[][]; bytes: Buffer; text: string }> {
  const bytes = Buffer.from(await response.arrayBuffer());
  const magic = bytes.subarray(0, 5).toString('latin1');
  const pdf = response.status === 200 && magic === '%PDF-' ? await pdfText(bytes) : { pages: [], searchable: '' };
  return { status: response.status, contentType: response.headers.get('content-type'), magic, mediaBoxes: pdf.pages.map((p) => p.mediaBox.map(Math.round)), bytes, text: pdf.searchable };
}
