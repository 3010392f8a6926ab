import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import { randomToken, sha256 } from '../../../kernel/lib/tokens.js';

/** TOTP two-factor: 30-second codes, one step of clock drift either way. */
export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, account: string, issuer: string): string {
  return generateURI({ issuer, label: account, secret });
}

export function totpQrSvg(uri: string): Promise<string> {
  return QRCode.toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
}

export async function checkTotp(secret: string, code: string): Promise<boolean> {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return false;
  const r = await verify({ secret, token, epochTolerance: 30 });
  return r.valid;
}

/** Ten single-use recovery codes; only their hashes are stored. */
export function newRecoveryCodes(): { codes: string[]; hashes: string[] } {
  const codes = Array.from({ length: 10 }, () => randomToken(8).replace(/[-_]/g, 'x').slice(0, 10).toLowerCase());
  return { codes, hashes: codes.map((c) => sha256(c)) };
}
