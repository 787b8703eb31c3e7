/**
 * The credentials `npm start` hands to the services on a developer's machine. They are public (in
 * the repository), so a service refuses to start in production with any of them (see
 * productionProblems); deploy/local/dev-credentials.ts re-exports them for the local stack.
 */
export const DEV_JWT_SECRET = 'motcua-development-only-secret-change-me-in-production';
export const DEV_PORTAL_KEY = 'motcua-dev-portal-key';
export const DEV_API_KEYS = `portal-dev:${DEV_PORTAL_KEY}`;
export const DEV_APPLICANT_REF_KEY = 'motcua-development-only-applicant-reference-key';
/** The payment service's key at the simulated payment platform, and the secret the platform signs callbacks with. */
export const DEV_PAYMENT_MERCHANT_KEY = 'motcua-dev-payment-merchant-key';
export const DEV_PAYMENT_CALLBACK_SECRET = 'motcua-development-only-payment-callback-secret';
export const DEV_SIGNING_KEY_SECRET = 'motcua-development-only-signing-key-secret-change-me';

export const DEVELOPMENT_CREDENTIALS: ReadonlySet<string> = new Set([
  DEV_JWT_SECRET,
  DEV_PORTAL_KEY,
  DEV_APPLICANT_REF_KEY,
  DEV_PAYMENT_MERCHANT_KEY,
  DEV_PAYMENT_CALLBACK_SECRET,
  DEV_SIGNING_KEY_SECRET,
]);

/**
 * Whether a variable's value holds a development credential, alone or inside a list
 * (`API_KEYS=name:key,…`, comma-separated secrets during a rotation).
 */
export function holdsDevelopmentCredential(value: string): boolean {
  return [value, ...value.split(/[\s,:]+/)].some((part) => DEVELOPMENT_CREDENTIALS.has(part));
}
