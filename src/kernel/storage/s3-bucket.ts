import type { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { assertStorageKey, StorageUnavailable, type ByteRange, type MediaStorage, type StoredBody, type StoredObject } from './media-storage.js';

export interface S3Settings {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
}

/**
 * Files as objects of an S3-compatible bucket (AWS, MinIO, Ceph, the Vietnamese clouds), keyed
 * as on disk. The bucket stays private: the application reads and streams every file itself.
 */
export class S3Bucket implements MediaStorage {
  readonly description: string;
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(s: S3Settings) {
    this.bucket = s.bucket;
    this.description = `S3 bucket ${s.bucket} (${s.endpoint})`;
    this.client = new S3Client({
      endpoint: s.endpoint,
      region: s.region,
      forcePathStyle: s.forcePathStyle,
      credentials: { accessKeyId: s.accessKeyId, secretAccessKey: s.secretAccessKey },
      // Checksums only where S3 requires them: many S3-compatible servers reject the newer
      // default trailers on every upload.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      // A bucket that stops answering must not hold a reader's request (or an upload) forever.
      requestHandler: { connectionTimeout: 5_000, requestTimeout: 30_000 },
    });
  }

  async put(key: string, data: Buffer, contentType: string): Promise<void> {
    assertStorageKey(key);
    await this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: data, ContentType: contentType, ContentLength: data.length })).catch(this.failed);
  }

  async head(key: string): Promise<StoredObject | null> {
    assertStorageKey(key);
    const r = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key })).catch(this.missing);
    return r && { size: r.ContentLength ?? 0, etag: r.ETag ?? '""', lastModified: r.LastModified ?? new Date(0), contentType: r.ContentType ?? null };
  }

  async get(key: string, range?: ByteRange): Promise<StoredBody | null> {
    assertStorageKey(key);
    const Range = range ? `bytes=${range.start}-${range.end}` : undefined;
    const r = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key, Range })).catch(this.missing);
    if (!r?.Body) return null;
    // With a range, the whole size is the part of Content-Range after the slash.
    const size = range ? Number(/\/(\d+)$/.exec(r.ContentRange ?? '')?.[1] ?? NaN) : (r.ContentLength ?? 0);
    return { size, etag: r.ETag ?? '""', lastModified: r.LastModified ?? new Date(0), contentType: r.ContentType ?? null, body: r.Body as Readable };
  }

  async delete(key: string): Promise<void> {
    assertStorageKey(key);
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key })).catch(this.failed);
  }

  async *list(prefix: string): AsyncIterable<string> {
    let ContinuationToken: string | undefined;
    do {
      const page = await this.client.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken })).catch(this.failed);
      for (const o of page.Contents ?? []) if (o.Key) yield o.Key;
      ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (ContinuationToken);
  }

  async close(): Promise<void> {
    this.client.destroy();
  }

  /** The service refused or did not answer (after the SDK's own retries). */
  private readonly failed = (err: unknown): never => {
    throw new StorageUnavailable(this.description, err);
  };

  /** 404 (NoSuchKey, NotFound) means "no such file"; anything else, a missing bucket included, is a failure. */
  private readonly missing = (err: { name?: string; $metadata?: { httpStatusCode?: number } }): null => {
    if (err.$metadata?.httpStatusCode === 404 && err.name !== 'NoSuchBucket') return null;
    return this.failed(err);
  };
}
