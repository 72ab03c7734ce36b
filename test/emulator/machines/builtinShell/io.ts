// Standard streams of a built-in command: sinks written synchronously, sources read as chunks.
import { writeSync } from 'node:fs';
import type { Readable } from 'node:stream';

export interface Sink {
  write(data: Buffer | string): void;
}

export interface Source {
  /** The next chunk, or null at the end. */
  read(): Promise<Buffer | null>;
}

export const NULL_SINK: Sink = { write: () => undefined };

export class Capture implements Sink {
  private readonly chunks: Buffer[] = [];
  write(data: Buffer | string): void {
    this.chunks.push(typeof data === 'string' ? Buffer.from(data) : data);
  }
  buffer(): Buffer {
    return Buffer.concat(this.chunks);
  }
  text(): string {
    return this.buffer().toString('utf8');
  }
}

export class FdSink implements Sink {
  constructor(private readonly fd: number) {}
  write(data: Buffer | string): void {
    writeSync(this.fd, typeof data === 'string' ? Buffer.from(data) : data);
  }
}

export class BufferSource implements Source {
  private done = false;
  constructor(private readonly data: Buffer) {}
  read(): Promise<Buffer | null> {
    if (this.done || this.data.length === 0) return Promise.resolve(null);
    this.done = true;
    return Promise.resolve(this.data);
  }
}

export const emptySource = (): Source => new BufferSource(Buffer.alloc(0));

/** A readable stream as a source (one reader); ends at the stream's end or on abort. */
export class StreamSource implements Source {
  private readonly queue: Buffer[] = [];
  private ended = false;
  private wake: (() => void) | undefined;

  constructor(stream: Readable, signal?: AbortSignal) {
    const poke = (): void => {
      const w = this.wake;
      this.wake = undefined;
      w?.();
    };
    stream.on('data', (d: Buffer | string) => {
      this.queue.push(typeof d === 'string' ? Buffer.from(d) : d);
      poke();
    });
    stream.on('end', () => {
      this.ended = true;
      poke();
    });
    stream.on('close', () => {
      this.ended = true;
      poke();
    });
    signal?.addEventListener('abort', () => {
      this.ended = true;
      poke();
    });
  }

  async read(): Promise<Buffer | null> {
    while (this.queue.length === 0 && !this.ended) await new Promise<void>((r) => (this.wake = r));
    return this.queue.shift() ?? null;
  }
}

export async function readAll(s: Source): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for (let c = await s.read(); c; c = await s.read()) chunks.push(c);
  return Buffer.concat(chunks);
}
