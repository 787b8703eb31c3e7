/** What the service accepts: scans and electronic documents as PDF, JPEG, PNG or TIFF. */
export const ACCEPTED_MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/tiff'] as const;
export type AcceptedMediaType = (typeof ACCEPTED_MEDIA_TYPES)[number];

/** Enough of the head of a file to recognise every accepted type. */
export const SNIFF_BYTES = 8;

const SIGNATURES: { type: AcceptedMediaType; magic: number[] }[] = [
  { type: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  { type: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/tiff', magic: [0x49, 0x49, 0x2a, 0x00] }, // little-endian
  { type: 'image/tiff', magic: [0x4d, 0x4d, 0x00, 0x2a] }, // big-endian
];

/** The type the file's first bytes say it is, or undefined when it is none of the accepted ones. */
export function sniffMediaType(head: Buffer): AcceptedMediaType | undefined {
  return SIGNATURES.find(({ magic }) => head.length >= magic.length && magic.every((byte, i) => head[i] === byte))?.type;
}

/** Clients that do not know the type say octet-stream; one that names a type must name the right one. */
const UNDECLARED = new Set(['', 'application/octet-stream']);
const ALIASES: Record<string, AcceptedMediaType> = { 'image/jpg': 'image/jpeg', 'image/pjpeg': 'image/jpeg', 'application/x-pdf': 'application/pdf' };

/**
 * The media type a document is stored with: the content decides, never the declared type alone;
 * undefined when the content is not an accepted type or contradicts what the client declared.
 */
export function acceptedMediaType(head: Buffer, declared: string | undefined): AcceptedMediaType | undefined {
  const sniffed = sniffMediaType(head);
  if (!sniffed) return undefined;
  const named = (declared ?? '').split(';')[0].trim().toLowerCase();
  if (UNDECLARED.has(named)) return sniffed;
  return (ALIASES[named] ?? named) === sniffed ? sniffed : undefined;
}
