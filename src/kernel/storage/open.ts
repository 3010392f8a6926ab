import type { MediaStorageConfig } from '../../config.js';
import { LocalDirectory } from './local-directory.js';
import type { MediaStorage } from './media-storage.js';

/** The configured store; the S3 client (a large module) is loaded only when a bucket is configured. */
export async function openMediaStorage(config: MediaStorageConfig): Promise<MediaStorage> {
  if (config.kind === 'local') return new LocalDirectory(config.dir);
  const { S3Bucket } = await import('./s3-bucket.js');
  return new S3Bucket(config);
}
