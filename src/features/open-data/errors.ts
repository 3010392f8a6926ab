import type { FastifyInstance, FastifySchemaValidationError } from 'fastify';
import { isOutage } from '../../kernel/http/outage.js';
import { AppError, ERRORS, type ErrorCode } from '../../kernel/lib/errors.js';
import { MAX_LIMIT } from './schemas.js';

/**
 * Errors of the open data API: always JSON (a program reads them, whatever its Accept header),
 * `{ error: { code, message, parameter? } }` with a Vietnamese message that says what to send
 * instead, and the parameter at fault.
 */
export class ApiError extends AppError {
  constructor(
    message: string,
    readonly parameter?: string,
  ) {
    super('bad_request', message);
  }
}

/** The longest part of a value echoed back in a message. */
const ECHO_CHARS = 80;

export function echo(value: string): string {
  return `“${value.length > ECHO_CHARS ? `${value.slice(0, ECHO_CHARS)}…` : value}”`;
}

const PARAMETER_MESSAGES: Record<string, string> = {
  limit: `Tham số limit phải là một số nguyên từ 1 đến ${MAX_LIMIT}.`,
  cursor: 'Tham số cursor không hợp lệ: hãy dùng nguyên giá trị nextCursor của trang trước.',
  from: 'Tham số from phải là một ngày có thật, viết dạng YYYY-MM-DD (ví dụ 2026-11-26).',
  to: 'Tham số to phải là một ngày có thật, viết dạng YYYY-MM-DD (ví dụ 2026-11-26).',
};

/** A query string that does not fit the route's schema: the first fault, named. */
export function schemaError(errors: FastifySchemaValidationError[]): ApiError {
  const e = errors[0];
  const missing = e?.params && typeof e.params.missingProperty === 'string' ? e.params.missingProperty : '';
  const parameter = e?.instancePath.replace(/^\//, '').split('/')[0] || missing;
  return new ApiError(PARAMETER_MESSAGES[parameter] ?? (parameter ? `Tham số ${parameter} không hợp lệ.` : ERRORS.bad_request.message), parameter || undefined);
}

/** The error handler of the API's routes (and its 404s). */
export function jsonErrors(api: FastifyInstance): void {
  const ctx = api.cong;
  api.setSchemaErrorFormatter((errors) => schemaError(errors));
  api.setErrorHandler(async (err: Error & { statusCode?: number }, request, reply) => {
    let code: ErrorCode;
    let message: string;
    let parameter: string | undefined;
    if (err instanceof AppError) {
      code = err.code;
      message = err.message;
      if (err instanceof ApiError) parameter = err.parameter;
      if (err.status >= 500) request.log.error({ err }, 'request failed');
    } else if (isOutage(err, ctx.redis)) {
      request.log.warn({ reason: err.message }, 'service unavailable');
      reply.header('retry-after', '30');
      code = 'unavailable';
      message = ERRORS.unavailable.message;
    } else if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      code = err.statusCode === 404 ? 'not_found' : err.statusCode === 429 ? 'rate_limited' : 'bad_request';
      message = ERRORS[code].message;
    } else {
      request.log.error({ err }, 'request failed');
      code = 'internal';
      message = ERRORS.internal.message;
    }
    return reply
      .code(ERRORS[code].status)
      .header('cache-control', 'no-store')
      .type('application/json; charset=utf-8')
      .send({ error: { code, message, ...(parameter ? { parameter } : {}) } });
  });
}

/** An address under /api that names no resource. */
export const NO_SUCH_RESOURCE = 'Không có tài nguyên này trong API dữ liệu mở. Danh sách tài nguyên có tại /api/openapi.json.';
