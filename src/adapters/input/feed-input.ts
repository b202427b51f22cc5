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

function decodeText(bytes: Buffer, location: string): string {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  const bad = text.indexOf('\uFFFD');
  if (bad !== -1 && !bytes.includes(Buffer.from('\uFFFD'))) {
    // Random bytes, a zip or an image: say so rather than reporting a confusing parse error.
    throw new AppError(
      'invalid_input',
      `${location} is not text (invalid UTF-8 near character ${bad + 1}): give a Meeting Guide JSON feed or a CSV table`,
      { position: `character ${bad + 1}` },
    );
  }
  return text;
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
