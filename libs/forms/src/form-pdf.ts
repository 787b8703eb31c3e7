import PDFDocument from 'pdfkit';
import { dateLine, OneStopForm } from './one-stop-form';

/**
 * DejaVu Sans carries every precomposed Vietnamese letter (ễ, ự, ỗ …), which the PDF standard
 * fonts do not; pdfkit embeds the subset used with a ToUnicode map, so the text can be searched
 * and extracted again. Resolved from the package, never from a path into the checkout.
 */
const REGULAR = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

export const A4_POINTS: readonly [number, number] = [595.28, 841.89];
const MARGIN = 56;
const MOTTO = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'];

/**
 * Prints a one-stop form on A4: the issuing body and the national motto side by side, the form's
 * number and title, its fields, lists and statements, the date line and the signature blocks.
 * The creation date is the act's instant and nothing else varies, so the same form gives the
 * same bytes every time it is printed.
 */
export function renderFormPdf(form: OneStopForm): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    font: REGULAR,
    info: { Title: `Mẫu số ${form.form} - ${form.title}`, Producer: 'Một Cửa', Creator: 'Một Cửa', CreationDate: new Date(form.issuedAt) },
  });
  doc.registerFont('regular', REGULAR);
  doc.registerFont('bold', BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  header(doc, form);
  body(doc, form);
  signatures(doc, form);
  doc.end();
  return done;
}

const width = (doc: PDFKit.PDFDocument) => doc.page.width - 2 * MARGIN;

function header(doc: PDFKit.PDFDocument, form: OneStopForm): void {
  const top = MARGIN;
  const left = width(doc) * 0.42;
  const right = width(doc) - left;
  doc.font('regular').fontSize(9).text(`Mẫu số ${form.form}`, MARGIN, top - 24, { width: width(doc), align: 'right' });
  let y = top;
  if (form.issuer.parent) {
    doc.font('regular').fontSize(10).text(form.issuer.parent.toUpperCase(), MARGIN, y, { width: left, align: 'center' });
    y = doc.y;
  }
  doc.font('bold').fontSize(10).text(form.issuer.name.toUpperCase(), MARGIN, y, { width: left, align: 'center' });
  const leftBottom = doc.y;
  doc.font('bold').fontSize(10).text(MOTTO[0], MARGIN + left, top, { width: right, align: 'center' });
  doc.font('bold').fontSize(11).text(MOTTO[1], MARGIN + left, doc.y, { width: right, align: 'center', underline: true });
  const rightBottom = doc.y;
  doc.font('regular').fontSize(11).text(dateLine(form.issuedAt), MARGIN + left, rightBottom + 6, { width: right, align: 'center', oblique: true });
  doc.y = Math.max(leftBottom, doc.y) + 24;
  doc.font('bold').fontSize(14).text(form.title, MARGIN, doc.y, { width: width(doc), align: 'center' });
  doc.moveDown(1);
}

function body(doc: PDFKit.PDFDocument, form: OneStopForm): void {
  const opts = { width: width(doc), align: 'left' as const };
  for (const field of form.fields) {
    doc.font('bold').fontSize(11).text(`${field.label}: `, MARGIN, doc.y, { ...opts, continued: true });
    doc.font('regular').text(field.value, opts);
    doc.moveDown(0.3);
  }
  for (const list of form.lists) {
    doc.moveDown(0.3);
    doc.font('bold').fontSize(11).text(`${list.label}:`, MARGIN, doc.y, opts);
    list.items.forEach((item, i) => doc.font('regular').text(`${i + 1}. ${item}`, MARGIN + 16, doc.y, { width: width(doc) - 16 }));
  }
  doc.moveDown(0.6);
  for (const statement of form.statements) {
    doc.font('regular').fontSize(11).text(statement, MARGIN, doc.y, { ...opts, align: 'justify' });
    doc.moveDown(0.4);
  }
}

/** Side by side: each block has its title, its instruction, room to sign, and the name when known. */
function signatures(doc: PDFKit.PDFDocument, form: OneStopForm): void {
  const room = 110;
  if (doc.y + room > doc.page.height - MARGIN) doc.addPage();
  const top = doc.y + 16;
  // One signer signs on the right half, as the forms lay it out; two share the width.
  const column = width(doc) / Math.max(2, form.signatures.length);
  const first = MARGIN + (form.signatures.length === 1 ? column : 0);
  form.signatures.forEach((signature, i) => {
    const x = first + i * column;
    doc.font('bold').fontSize(11).text(signature.title, x, top, { width: column, align: 'center' });
    doc.font('regular').fontSize(10).text(signature.note, x, doc.y, { width: column, align: 'center' });
    if (signature.name) doc.font('bold').fontSize(11).text(signature.name, x, top + room - 20, { width: column, align: 'center' });
  });
}
