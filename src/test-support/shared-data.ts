import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** ../shared/data beside the project root, where developers and CI keep the real feeds. */
export const sharedDataDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../shared/data',
);

export const meetingGuideFeeds = [
  'oc',
  'al-anon',
  'edmonton',
  'sussexaa',
  'meetings',
  'times',
  'atlanta',
] as const;

export function sharedFeedPath(name: string): string {
  const file = path.join(sharedDataDir, 'meeting-guide', `${name}.json`);
  if (!existsSync(file)) {
    throw new Error(`${file} is missing: tests read the real feeds from ../shared/data`);
  }
  return file;
}

export async function readSharedFeed(name: string): Promise<unknown> {
  return JSON.parse(await readFile(sharedFeedPath(name), 'utf8')) as unknown;
}
