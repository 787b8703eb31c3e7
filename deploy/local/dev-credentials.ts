/** Development-only credentials that `npm start` hands to the services; never use them in production. */
export const DEV_JWT_SECRET = 'motcua-development-only-secret-change-me-in-production';
export const DEV_PORTAL_KEY = 'motcua-dev-portal-key';
export const DEV_API_KEYS = `portal-dev:${DEV_PORTAL_KEY}`;
export const DEV_APPLICANT_REF_KEY = 'motcua-development-only-applicant-reference-key';
/** The payment service's key at the simulated payment platform, and the secret the platform signs callbacks with. */
export const DEV_PAYMENT_MERCHANT_KEY = 'motcua-dev-payment-merchant-key';
export const DEV_PAYMENT_CALLBACK_SECRET = 'motcua-development-only-payment-callback-secret';
export const DEV_SIGNING_KEY_SECRET = 'motcua-development-only-signing-key-secret-change-me';
