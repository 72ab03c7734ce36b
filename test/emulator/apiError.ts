// An error answered in Alibaba's JSON error shape. Thrown by the gateway and by actions.

export class ApiError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function missingParameter(name: string): ApiError {
  return new ApiError(
    400,
    'MissingParameter',
    `The input parameter "${name}" that is mandatory for processing this request is not supplied.`,
  );
}

export function missingCommon(name: string): ApiError {
  return new ApiError(
    400,
    `Missing${name}`,
    `The input parameter "${name}" that is mandatory for processing this request is not supplied.`,
  );
}

export function invalidParameter(name: string, why: string): ApiError {
  return new ApiError(400, 'InvalidParameter', `The specified parameter "${name}" is not valid: ${why}.`);
}

export function notFound(code: string, what: string): ApiError {
  return new ApiError(404, code, `The specified ${what} does not exist.`);
}

export interface ErrorBody {
  RequestId: string;
  HostId: string;
  Code: string;
  Message: string;
  Recommend: string;
}

export function errorBody(err: ApiError, requestId: string, hostId: string): ErrorBody {
  return {
    RequestId: requestId,
    HostId: hostId,
    Code: err.code,
    Message: err.message,
    Recommend: `https://next.api.aliyun.com/troubleshoot?q=${encodeURIComponent(err.code)}&product=SWAS-OPEN`,
  };
}
