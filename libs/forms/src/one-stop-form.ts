/**
 * A one-stop form of Decree 61/2018/NĐ-CP (forms of Circular 01/2018/TT-VPCP) as data: what the
 * API answers beside the act that creates it, and all the PDF renderer prints. Values are final
 * text (dates already local), so the structured form and the printed one cannot disagree.
 */
export type FormNumber = '01' | '02' | '03' | '04';

export interface FormField {
  label: string;
  value: string;
}

/** A numbered list the form must print in full (components received, what is missing). */
export interface FormList {
  label: string;
  items: string[];
}

/** A signature block: who signs, the instruction under the title, and the name printed when known. */
export interface FormSignature {
  title: string;
  note: string;
  name?: string;
}

export interface OneStopForm {
  form: FormNumber;
  title: string;
  /** The body that issues the form, printed top left under its parent body when known. */
  issuer: { name: string; parent?: string };
  /** The dossier code, also the first field; absent only for a form about a dossier that had none. */
  code?: string;
  /** The instant of the act: the date line, and the PDF's creation date (stable bytes). */
  issuedAt: string;
  fields: FormField[];
  lists: FormList[];
  /** What the form must say in its own words (the notice, the apology). */
  statements: string[];
  signatures: FormSignature[];
}

/** Where a fact the service does not hold goes on paper: a line to fill in by hand. */
export const BLANK = '........................................................';

/** Viet Nam keeps UTC+7 all year (no daylight saving): local wall time is a fixed shift. */
const OFFSET_MS = 7 * 3600_000;
const local = (instant: string) => {
  const shifted = new Date(Date.parse(instant) + OFFSET_MS).toISOString();
  return { day: shifted.slice(8, 10), month: shifted.slice(5, 7), year: shifted.slice(0, 4), hour: shifted.slice(11, 13), minute: shifted.slice(14, 16) };
};

/** dd/MM/yyyy in Asia/Ho_Chi_Minh. */
export function formatDate(instant: string): string {
  const { day, month, year } = local(instant);
  return `${day}/${month}/${year}`;
}

/** "09 giờ 00 phút, ngày 03/03/2098" in Asia/Ho_Chi_Minh, as the forms give an instant. */
export function formatDateTime(instant: string): string {
  const { hour, minute } = local(instant);
  return `${hour} giờ ${minute} phút, ngày ${formatDate(instant)}`;
}

/** The date line above the signatures: "Ngày 03 tháng 03 năm 2098". */
export function dateLine(instant: string): string {
  const { day, month, year } = local(instant);
  return `Ngày ${day} tháng ${month} năm ${year}`;
}

/** A name the service holds, or the line the applicant or officer fills in. */
export const orBlank = (text: string | undefined): string => (text && text.trim() ? text : BLANK);
