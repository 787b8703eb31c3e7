export interface SimulatorSettings {
  /** Merchant API keys the platform accepts (bearer). */
  merchantKeys: string[];
  /** Secrets every callback is signed with, one v1 each (two while a merchant rotates). */
  signingSecrets: string[];
  /** How payer URLs start: this server as the payer's browser reaches it. */
  publicUrl: string;
  /** First retry delay of a refused or failed delivery; doubled at each attempt. */
  retryBaseMs: number;
  maxAttempts: number;
}

export class SimulatorConfigError extends Error {}

/** Reads the simulator's environment; a bad variable is named in one line. */
export function simulatorSettings(env: NodeJS.ProcessEnv, port: number): SimulatorSettings {
  const list = (name: string, minLength: number) => {
    const values = (env[name] ?? '').split(',').filter(Boolean);
    if (values.length === 0 || values.some((v) => v.length < minLength)) throw new SimulatorConfigError(`${name} must be comma-separated values of at least ${minLength} characters`);
    return values;
  };
  const integer = (name: string, fallback: number, min: number) => {
    const value = env[name] === undefined || env[name] === '' ? fallback : Number(env[name]);
    if (!Number.isInteger(value) || value < min) throw new SimulatorConfigError(`${name} must be an integer of at least ${min}`);
    return value;
  };
  return {
    merchantKeys: list('PAYMENT_PLATFORM_MERCHANT_KEYS', 16),
    signingSecrets: list('PAYMENT_PLATFORM_SIGNING_SECRETS', 32),
    publicUrl: (env['PAYMENT_PLATFORM_PUBLIC_URL'] ?? `http://127.0.0.1:${port}`).replace(/\/+$/, ''),
    retryBaseMs: integer('PAYMENT_PLATFORM_RETRY_BASE_MS', 1_000, 10),
    maxAttempts: integer('PAYMENT_PLATFORM_MAX_ATTEMPTS', 6, 1),
  };
}
