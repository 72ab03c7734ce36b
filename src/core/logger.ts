// Logging port for core. The platform layer implements it on a LogOutputChannel.
// Implementations must never receive secrets: core passes only what is listed here.

export interface ApiCallLogEntry {
  action: string;
  regionId: string;
  /** HTTP status when known (pop-core hides it; read from the error entry), else 'ok'/'error'. */
  status: number | string;
  requestId: string;
  ms: number;
  code?: string;
  attempt?: number;
}

export interface Logger {
  apiCall(entry: ApiCallLogEntry): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export const silentLogger: Logger = {
  apiCall: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
