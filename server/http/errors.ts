/**
 * Typed HTTP errors and the one handler that turns them into `{error: {code, message, path?}}`.
 * Anything else becomes a 500 with a generic message: no stack trace or driver text leaves the server.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { z } from 'zod';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly path?: string,
    /** Extra fields merged into the error body, e.g. every validation issue. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const badRequest = (param: string, message: string) =>
  new HttpError(400, 'invalid_parameter', `${param}: ${message}`, param);
export const notFound = (what: string) => new HttpError(404, 'not_found', what);
/** A community that does not exist, or that the caller may not know of: the same answer for both. */
export const unknownCommunity = (requested: string) =>
  new HttpError(404, 'unknown_community', `no community "${requested}"`, 'community');
export const unauthorized = () =>
  new HttpError(401, 'unauthorized', 'a token is required: send Authorization: Bearer <token>');
export const forbidden = (message = 'this token does not grant access here') =>
  new HttpError(403, 'forbidden', message);

/**
 * A request past a per-request budget (server/config/limits.ts): a 400 `limit_exceeded` whose body
 * names the setting and its value, so the client knows how to split the request.
 */
export const budgetExceeded = (path: string, setting: string, max: number, message: string) =>
  new HttpError(400, 'limit_exceeded', `${path}: ${message} (the limit is ${max}, set by ${setting})`, path, { limit: { setting, max } });

/** The first zod issue as a 400 naming the parameter (`prefix.path`). */
export function fromZod(error: z.ZodError, prefix?: string): HttpError {
  const issue = error.issues[0];
  const path = [prefix, ...(issue?.path ?? []).map(String)].filter((p) => p && p !== '').join('.');
  return badRequest(path || 'body', issue?.message ?? 'invalid');
}

/** Every zod issue, for bodies where the user wants the whole list (layouts). */
export function issuesOf(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

export const unknownRoute: RequestHandler = (req, _res, next) => {
  next(new HttpError(404, 'not_found', `no such endpoint: ${req.method} ${req.path}`));
};

export interface ErrorLogger {
  error(message: string, error: unknown): void;
}

export function errorHandler(logger?: ErrorLogger): ErrorRequestHandler {
  return (err: unknown, _req, res, _next) => {
    const e = toHttpError(err);
    if (e.status >= 500) logger?.error('request failed', err);
    if (res.headersSent) return;
    res
      .status(e.status)
      .type('application/json')
      .send(JSON.stringify({ error: { code: e.code, message: e.message, ...(e.path ? { path: e.path } : {}), ...e.details } }));
  };
}

/** Express and body-parser throw errors with `status`/`type`; map the ones a client can cause. */
function toHttpError(err: unknown): HttpError {
  if (err instanceof HttpError) return err;
  const e = err as { status?: number; statusCode?: number; type?: string; code?: string; message?: string };
  // Another process (the CLI, another server on PostgreSQL) holds the aggregation lock.
  if (e?.code === 'aggregation_running') {
    return new HttpError(409, 'aggregation_running', 'an aggregation run is already in progress');
  }
  const status = e?.status ?? e?.statusCode;
  if (e?.type === 'entity.too.large' || status === 413) {
    return new HttpError(413, 'payload_too_large', 'the request body is larger than the configured limit');
  }
  if (e?.type === 'entity.parse.failed') return new HttpError(400, 'invalid_json', 'the request body is not valid JSON', 'body');
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new HttpError(status, 'bad_request', 'the request could not be processed');
  }
  return new HttpError(500, 'internal_error', 'an internal error occurred');
}
