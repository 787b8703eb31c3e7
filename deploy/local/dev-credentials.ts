/** Development-only credentials that `npm start` hands to the services; a service refuses them when NODE_ENV is production. */
export {
  DEV_API_KEYS,
  DEV_APPLICANT_REF_KEY,
  DEV_JWT_SECRET,
  DEV_PAYMENT_CALLBACK_SECRET,
  DEV_PAYMENT_MERCHANT_KEY,
  DEV_PORTAL_KEY,
  DEV_SIGNING_KEY_SECRET,
} from '@motcua/platform';
