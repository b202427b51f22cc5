import { isUtf8 } from 'node:buffer';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../domain/errors.ts';

export interface FeedInput {
  readonly text: string;
  /** The file path or URL, as given. */
  readonly location: string;
  /** A name for the source when none is given: the file name or host, without extension. */
  readonly suggestedName: string;
  readonly contentType: string | null;
}

export interface FeedInputLimits {
  readonly maxBytes: number;
  readonly timeoutMs: number;
}

const defaultLimits: FeedInputLimits = { maxBytes: 256 * 1024 * 1024, timeoutMs: 30_000 };

export function isUrl(location: string): boolean {
  return /^https?:\/\//i.test(location);
}

/** The offset of the first byte that breaks UTF-8, or -1 when all of it is valid. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i] ?? 0;
    const length =
      b < 0x80
        ? 1
        : b >= 0xc2 && b <= 0xdf
          ? 2
          : b >= 0xe0 && b <= 0xef
            ? 3
            : b >= 0xf0 && b <= 0xf4
              ? 4
              : 0;
    if (length === 0 || i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    // Overlong forms, surrogates and code points past U+10FFFF.
    const second = bytes[i + 1] ?? 0;
    if ((b === 0xe0 && second < 0xa0) || (b === 0xed && second > 0x9f)) return i;
    if ((b === 0xf0 && second < 0x90) || (b === 0xf4 && second > 0x8f)) return i;
    i += length;
  }
  return -1;
}

function decodeText(bytes: Buffer, location: string): string {
  if (!isUtf8(bytes)) {
    // Random bytes, a zip or an image: say so rather than report a confusing parse error.
    const at = firstInvalidUtf8(bytes) + 1;
    throw new AppError(
      'invalid_input',
      `${location} is not text (byte ${at} is not UTF-8): give a Meeting Guide JSON feed or a CSV table`,
      { position: `byte ${at}` },
    );
  }
  return bytes.toString('utf8');
}

async function readUrl(url: string, limits: FeedInputLimits): Promise<FeedInput> {
  let response: Response;
  try {
    response = await fetch(url, {
      signal: AbortSignal.timeout(limits.timeoutMs),
      headers: { accept: 'application/json, text/csv;q=0.9, */*;q=0.5' },
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const reason =
      (error as Error).name === 'TimeoutError'
        ? `no answer within ${limits.timeoutMs / 1000} s`
        : cause?.code === 'ECONNREFUSED'
          ? 'connection refused'
          : cause?.code === 'ENOTFOUND'
            ? 'no such host'
            : (cause?.code ?? cause?.message ?? (error as Error).message);
    throw new AppError(
      'input_unreachable',
      `cannot fetch ${url} (${reason}): check the address and that the server is up`,
    );
  }
  if (!response.ok) {
    throw new AppError(
      'input_unreachable',
      `cannot fetch ${url}: the server answered ${response.status} ${response.statusText}`,
    );
  }
  const length = Number(response.headers.get('content-length') ?? 0);
  if (length > limits.maxBytes) {
    throw new AppError(
      'invalid_input',
      `${url} is ${length} bytes, more than the ${limits.maxBytes} allowed`,
    );
  }
  const bytes = Buffer.from(await response.arrayBuffer());
  if (bytes.length > limits.maxBytes) {
    throw new AppError('invalid_input', `${url} is more than the ${limits.maxBytes} bytes allowed`);
  }
  const host = new URL(url).hostname.replace(/^www\./, '');
  return {
    text: decodeText(bytes, url),
    location: url,
    suggestedName: host.split('.')[0] ?? host,
    contentType: response.headers.get('content-type'),
  };
}

async function readPath(file: string, limits: FeedInputLimits): Promise<FeedInput> {
  let bytes: Buffer;
  try {
    const info = await stat(file);
    if (info.isDirectory())
      throw new AppError('invalid_input', `${file} is a folder: give a feed file`);
    if (info.size > limits.maxBytes) {
      throw new AppError(
        'invalid_input',
        `${file} is ${info.size} bytes, more than the ${limits.maxBytes} allowed`,
      );
    }
    bytes = await readFile(file);
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as { code?: string }).code;
    throw new AppError(
      'input_unreachable',
      code === 'ENOENT'
        ? `no file at ${file}`
        : `cannot read ${file} (${code ?? (error as Error).message})`,
    );
  }
  return {
    text: decodeText(bytes, file),
    location: file,
    suggestedName: path.basename(file).replace(/\.[^.]+$/, ''),
    contentType: null,
  };
}

/** A feed's text from a file or an http(s) URL, refusing what is not text or too large. */
export function readFeedInput(
  location: string,
  limits: FeedInputLimits = defaultLimits,
): Promise<FeedInput> {
  return isUrl(location) ? readUrl(location, limits) : readPath(location, limits);
}
