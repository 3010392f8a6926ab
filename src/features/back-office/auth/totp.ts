import type * as Otplib from 'otplib';
import type * as QRCode from 'qrcode';
import { onFirstUse } from '../../../kernel/lib/on-first-use.js';
import { randomToken, sha256 } from '../../../kernel/lib/tokens.js';

const otplib = onFirstUse<typeof Otplib>('otplib');
const qrcode = onFirstUse<typeof QRCode>('qrcode');

/** TOTP two-factor: 30-second codes, one step of clock drift either way. */
export function newTotpSecret(): string {
  return otplib().generateSecret();
}

export function totpUri(secret: string, account: string, issuer: string): string {
  return otplib().generateURI({ issuer, label: account, secret });
}

export function totpQrSvg(uri: string): Promise<string> {
  return qrcode().toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
}

/**
 * The time step of a right code at `now` (one step of drift either way), or null. A step at or
 * before `after` (the last one accepted) is refused: a code is good once.
 */
export async function totpStep(secret: string, code: string, now: Date, after: number | null): Promise<number | null> {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const r = await otplib().verify({ secret, token, epoch: Math.floor(now.getTime() / 1000), epochTolerance: 30, ...(after !== null ? { afterTimeStep: after } : {}) });
  return r.valid && 'timeStep' in r && typeof r.timeStep === 'number' ? r.timeStep : null;
}

/** Ten single-use recovery codes; only their hashes are stored. */
export function newRecoveryCodes(): { codes: string[]; hashes: string[] } {
  const codes = Array.from({ length: 10 }, () => randomToken(8).replace(/[-_]/g, 'x').slice(0, 10).toLowerCase());
  return { codes, hashes: codes.map((c) => sha256(c)) };
}
