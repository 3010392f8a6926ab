import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HeadObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import account from 's3rver/lib/models/account.js';

/**
 * A real S3-protocol server (s3rver) on a free loopback port, serving one fresh bucket from a
 * temporary directory, with credentials made for this run. `env` is what an operator would
 * set; `client` talks to the bucket directly, to check what really is in it.
 */
export interface TestBucket {
  env: Record<string, string>;
  bucket: string;
  client: S3Client;
  keys(prefix?: string): Promise<string[]>;
  has(key: string): Promise<boolean>;
  close(): Promise<void>;
}

export async function startTestBucket(): Promise<TestBucket> {
  const dir = mkdtempSync(join(tmpdir(), 'cong-s3-'));
  const bucket = `cong-media-${randomBytes(3).toString('hex')}`;
  const accessKeyId = randomBytes(10).toString('hex').toUpperCase();
  const secretAccessKey = randomBytes(20).toString('base64url');
  account.DUMMY_ACCOUNT.createKeyPair(accessKeyId, secretAccessKey);
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: dir, configureBuckets: [{ name: bucket, configs: [] }] });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const env = {
    CONG_S3_ENDPOINT: endpoint,
    CONG_S3_BUCKET: bucket,
    CONG_S3_REGION: 'us-east-1',
    CONG_S3_ACCESS_KEY_ID: accessKeyId,
    CONG_S3_SECRET_ACCESS_KEY: secretAccessKey,
    CONG_S3_FORCE_PATH_STYLE: 'true',
  };
  const client = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId, secretAccessKey } });
  return {
    env,
    bucket,
    client,
    async keys(prefix = '') {
      const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }));
      return (page.Contents ?? []).map((o) => o.Key!).sort();
    },
    async has(key) {
      return client.send(new HeadObjectCommand({ Bucket: bucket, Key: key })).then(
        () => true,
        (err: { $metadata?: { httpStatusCode?: number } }) => {
          if (err.$metadata?.httpStatusCode === 404) return false;
          throw err;
        },
      );
    },
    async close() {
      client.destroy();
      await server.close();
      account.DUMMY_ACCOUNT.revokeAccessKey(accessKeyId);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
