// Reads a PDF from stdin and prints, as JSON, each page's media box and its text as a reader
// would copy it: pdfjs-dist is ESM only, so Jest's CommonJS tests run this in a child process.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const data = new Uint8Array(Buffer.concat(chunks));
const pdf = await getDocument({ data, useSystemFonts: false, isEvalSupported: false }).promise;
const pages = [];
for (let n = 1; n <= pdf.numPages; n++) {
  const page = await pdf.getPage(n);
  const content = await page.getTextContent();
  const text = content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join('');
  pages.push({ mediaBox: page.view, text });
}
const { info } = await pdf.getMetadata();
process.stdout.write(JSON.stringify({ pages, info }));
