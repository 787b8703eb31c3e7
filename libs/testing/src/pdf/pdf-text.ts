import { execFile } from 'node:child_process';
import { join } from 'node:path';

export interface PdfText {
  pages: { mediaBox: number[]; text: string }[];
  /** The document information dictionary (Title, CreationDate …). */
  info: Record<string, unknown>;
  /** Every page's text, lines joined by spaces and runs of white space collapsed: what a search finds. */
  searchable: string;
}

/** One line of text as `PdfText.searchable` holds it, so a wrapped value is still found whole. */
export const searchableText = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Extracts a PDF's text again with pdfjs-dist (in a child node process: pdfjs-dist is ESM only). */
export function pdfText(bytes: Uint8Array): Promise<PdfText> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, [join(__dirname, 'pdf-text.mjs')], { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`pdf-text failed: ${stderr || error.message}`));
      const parsed = JSON.parse(stdout) as Omit<PdfText, 'searchable'>;
      resolve({ ...parsed, searchable: searchableText(parsed.pages.map((p) => p.text).join(' ')) });
    });
    child.stdin?.end(Buffer.from(bytes));
  });
}
