import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Store } from '../adapters/db/database.ts';
import { exportDirectory } from './export.service.ts';

export interface PublishedFeed {
  readonly etag: string;
  readonly json: Buffer;
  readonly gzip: Buffer;
}

/**
 * The directory's public Meeting Guide feed, built once per directory version and kept, with
 * its gzip and an ETag, so apps polling it cost a comparison, not an export.
 */
export class FeedCache {
  readonly #store: Store;
  readonly #publicBaseUrl: string | null;
  #cached: { version: number; feed: Promise<PublishedFeed> } | null = null;

  constructor(store: Store, publicBaseUrl: string | null) {
    this.#store = store;
    this.#publicBaseUrl = publicBaseUrl;
  }

  async feed(): Promise<PublishedFeed> {
    const version = await this.#store.changes.version();
    if (this.#cached?.version !== version) {
      this.#cached = { version, feed: this.#build() };
    }
    return this.#cached.feed;
  }

  async #build(): Promise<PublishedFeed> {
    const json = Buffer.from(
      await exportDirectory(this.#store, 'meeting-guide', { publicBaseUrl: this.#publicBaseUrl }),
    );
    const etag = `"${createHash('sha1').update(json).digest('base64url')}"`;
    return { etag, json, gzip: gzipSync(json) };
  }
}
