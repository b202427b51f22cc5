import { Redis } from 'ioredis';

/** The Redis the rooms tests use (REDIS_URL, or the local one CI also has). */
export const testRedisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * Whether the test Redis answers. In CI (CI=true) an unreachable Redis is an error, since the
 * Redis suites must run there; elsewhere the suites say loudly that they are skipped.
 */
export async function redisReachable(suite: string): Promise<boolean> {
  const redis = new Redis(testRedisUrl, {
    lazyConnect: true,
    connectTimeout: 2000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
    return true;
  } catch (error) {
    const why = `Redis at ${testRedisUrl} is unreachable (${(error as Error).message})`;
    if (process.env.CI === 'true') {
      throw new Error(`CI=true but ${why}: ${suite} must run in CI`, { cause: error });
    }
    console.warn(
      `\n*** SKIPPING ${suite}: ${why}. Start Redis to run it; in CI it is required. ***\n`,
    );
    return false;
  } finally {
    redis.disconnect();
  }
}

/**
 * Every key in Redis and its value, as one buffer to search: read by type (DUMP alone would not
 * do: Redis compresses long strings in it), and DUMP as well.
 */
export async function redisEverything(url = testRedisUrl): Promise<Buffer> {
  const redis = new Redis(url);
  try {
    const parts: Buffer[] = [];
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'COUNT', 1000);
      cursor = next;
      for (const key of keys) {
        parts.push(Buffer.from(key));
        const type = await redis.type(key);
        const values: (Buffer | null)[] =
          type === 'string'
            ? [await redis.getBuffer(key)]
            : type === 'hash'
              ? await redis.hgetallBuffer(key).then((h) => Object.values(h))
              : type === 'list'
                ? await redis.lrangeBuffer(key, 0, -1)
                : type === 'set'
                  ? await redis.smembersBuffer(key)
                  : type === 'zset'
                    ? await redis.zrangeBuffer(key, 0, -1)
                    : type === 'stream'
                      ? [Buffer.from(JSON.stringify(await redis.xrange(key, '-', '+')))]
                      : [];
        values.push(await redis.dumpBuffer(key));
        for (const value of values) if (value) parts.push(value);
      }
    } while (cursor !== '0');
    return Buffer.concat(parts);
  } finally {
    redis.disconnect();
  }
}
