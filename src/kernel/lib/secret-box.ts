import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** Marks a sealed value; anything else in a sealed column is a plain value left from before. */
const PREFIX = 'v1:';

/**
 * Secrets the application must read back (TOTP secrets) are stored sealed with AES-256-GCM under
 * a key kept outside the database (src/kernel/lib/secret-key.ts): a copy of the database or of a
 * backup alone does not give the second factor away. Format: "v1:" iv "." tag "." ciphertext,
 * each base64url; the authentication tag makes any change of the stored value fail to open.
 */
export class SecretBox {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('SecretBox needs a 32-byte key');
  }

  seal(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `${PREFIX}${[iv, cipher.getAuthTag(), data].map((b) => b.toString('base64url')).join('.')}`;
  }

  /** The plain value; throws when the value was sealed under another key or altered. */
  open(sealed: string): string {
    if (!isSealed(sealed)) throw new Error('not a sealed value');
    const [iv, tag, data] = sealed.slice(PREFIX.length).split('.').map((p) => Buffer.from(p, 'base64url'));
    if (!iv || !tag || !data) throw new Error('malformed sealed value');
    const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
  }
}

export function isSealed(value: string): boolean {
  return value.startsWith(PREFIX);
}
