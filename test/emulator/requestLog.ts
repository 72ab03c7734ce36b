// The request log read by tests and benchmarks through the admin API.

export interface RequestLogEntry {
  seq: number;
  time: string;
  action: string;
  accessKeyId: string;
  regionId: string;
  httpStatus: number;
  code: string;
  ms: number;
  clientToken: string;
}

const MAX_ENTRIES = 200_000;

export class RequestLog {
  private entries: RequestLogEntry[] = [];
  private seq = 0;

  add(entry: Omit<RequestLogEntry, 'seq'>): void {
    this.seq += 1;
    this.entries.push({ seq: this.seq, ...entry });
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
  }
  list(): RequestLogEntry[] {
    return this.entries;
  }
  clear(): void {
    this.entries = [];
  }
}
