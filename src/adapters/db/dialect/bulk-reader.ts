import { Worker } from 'node:worker_threads';

/**
 * What a bulk-read worker is given. Its code (`source`, a CommonJS script run with `eval`) opens
 * its own connection with `driver`, and answers each message, in order, with the next `batchSize`
 * rows as one JSON array's text (one string crosses threads faster than a structured clone of
 * many small arrays), fewer than `batchSize` at the end and none after, or `{ error }` if reading
 * failed.
 */
export interface BulkReadWorker {
  readonly source: string;
  /**
   * Batches asked for before the caller needs them, so the worker keeps reading while the caller
   * works: each one held is memory, so as few as keep the caller from waiting.
   */
  readonly ahead: number;
  readonly data: { readonly driver: string; readonly batchSize: number } & Record<string, unknown>;
}

/**
 * Reads rows as arrays in a worker thread, a few batches ahead of the caller: reading the whole
 * directory at start overlaps with building the search index from it.
 */
export async function* readInWorker({
  source,
  ahead,
  data,
}: BulkReadWorker): AsyncGenerator<unknown[][]> {
  const worker = new Worker(source, {
    eval: true,
    // It holds a batch or a few at a time: a small heap keeps the process's memory down.
    resourceLimits: { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 64 },
    workerData: data,
  });
  const waiting: { resolve: (text: string) => void; reject: (error: Error) => void }[] = [];
  let failure: Error | null = null;
  const fail = (error: Error) => {
    failure = error;
    for (const request of waiting.splice(0)) request.reject(error);
  };
  worker.on('message', (message: string | { error: string }) => {
    if (typeof message === 'string') waiting.shift()?.resolve(message);
    else fail(new Error(message.error));
  });
  worker.on('error', fail);
  const request = () => {
    const batch = new Promise<string>((resolve, reject) => {
      if (failure) {
        reject(failure);
        return;
      }
      waiting.push({ resolve, reject });
      worker.postMessage('next');
    });
    // Batches asked for ahead fail with the one awaited: only that one reports it.
    batch.catch(() => undefined);
    return batch;
  };
  try {
    const pending = Array.from({ length: ahead }, request);
    for (;;) {
      const next = pending.shift();
      if (!next) return;
      const batch = JSON.parse(await next) as unknown[][];
      const more = batch.length === data.batchSize;
      // Ask for another batch before working on this one.
      if (more) pending.push(request());
      if (batch.length > 0) yield batch;
      if (!more) return;
    }
  } finally {
    await worker.terminate();
  }
}
