import type { FastifyError, FastifyInstance } from 'fastify'
import { HttpError } from './errors'

/** Deepest nesting of arrays and objects a body may have (Pieces models nest about 10 deep). */
export const MAX_NESTING = 64

/** How deep arrays and objects nest in a JSON text (strings skipped); stops counting past 10,001. */
export function nestingDepth(text: string): number {
  let depth = 0
  let max = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 92) i++
      else if (c === 34) inString = false
    } else if (c === 34) inString = true
    else if (c === 123 || c === 91) {
      if (++depth > max) max = depth
      if (max > 10_000) return max
    } else if (c === 125 || c === 93) depth--
  }
  return max
}

const JSON_OR_TEXT = /^\s*(application\/([\w.+-]*\+)?json|text\/plain)\s*(;|$)/i

/**
 * Reads every request body as JSON. An empty body parses to `undefined` (the SDKs send
 * `Content-Type: application/json` with no body when an argument is omitted), a bare `true` or
 * `false` parses as such (/onboarded). A missing Content-Type or `text/plain` is read as JSON too:
 * clients that forget the header still work, and the Host and Origin checks already keep browsers
 * from posting cross-site. Other media types get 415.
 */
export function installJsonParsing(app: FastifyInstance): void {
  app.removeAllContentTypeParsers()
  app.addContentTypeParser('*', { parseAs: 'string' }, (request, body, done) => {
    const contentType = request.headers['content-type']
    if (contentType !== undefined && contentType !== '' && !JSON_OR_TEXT.test(contentType)) {
      done(new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', `Send JSON, not ${contentType}.`))
      return
    }
    const text = body as string
    if (text.trim() === '') {
      done(null, undefined)
      return
    }
    const depth = nestingDepth(text)
    if (depth > MAX_NESTING) {
      done(
        new HttpError(
          400,
          'TOO_DEEP',
          `The request body nests ${depth > 10_000 ? 'more than 10,000' : depth} levels deep; at most ${MAX_NESTING} are accepted.`,
        ),
      )
      return
    }
    try {
      done(null, JSON.parse(text))
    } catch (error) {
      done(
        new HttpError(
          400,
          'MALFORMED_JSON',
          `The request body is not valid JSON (${(error as Error).message}).`,
        ),
      )
    }
  })
}

/** SQLite's SQLITE_FULL (13) or the file system's ENOSPC, wherever in the chain of causes. */
function isDiskFull(error: unknown): boolean {
  for (
    let e = error as
        { code?: unknown; errcode?: unknown; message?: unknown; cause?: unknown } | undefined,
      n = 0;
    e && n < 5;
    e = e.cause as typeof e, n++
  ) {
    if (
      e.errcode === 13 ||
      e.code === 'ENOSPC' ||
      /database or disk is full/i.test(String(e.message))
    )
      return true
  }
  return false
}

interface ValidationIssue {
  instancePath?: string
  message?: string
}

function describeValidation(error: FastifyError, body: unknown, model: string | undefined): string {
  const what = model ?? 'the expected JSON'
  if (body === undefined) return `The request needs a JSON body (${what}).`
  const issue = (error.validation?.[0] ?? {}) as ValidationIssue
  const path = issue.instancePath
    ? issue.instancePath.replace(/^\//, '').replaceAll('/', '.')
    : 'body'
  return `The body is not a valid ${what}: ${path} ${issue.message ?? 'is invalid'}.`
}

/**
 * Maps every error to a status and a plain-text sentence: our HttpErrors as they are, schema
 * failures and fastify's own client errors (oversized or malformed bodies) as 4xx, anything else
 * as 500 without internals.
 */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const send = (status: number, message: string) =>
      reply.code(status).type('text/plain; charset=utf-8').send(message)
    if (error instanceof HttpError) return send(error.statusCode, error.message)
    if (error.validation) {
      const model = (request.routeOptions.config as { model?: string } | undefined)?.model
      return send(400, describeValidation(error, request.body, model))
    }
    if (isDiskFull(error)) {
      request.log.error(error)
      return send(507, 'The disk is full: nothing was saved. Free some space and try again.')
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return send(413, 'The request body is larger than this connector accepts.')
    }
    const status = error.statusCode ?? 500
    if (status >= 400 && status < 500)
      return send(status, `${error.message}.`.replace(/\.\.$/, '.'))
    request.log.error(error)
    return send(500, 'The connector failed to handle this request.')
  })
  app.setNotFoundHandler((request, reply) =>
    reply
      .code(404)
      .type('text/plain; charset=utf-8')
      .send(`There is no ${request.method} ${request.url.split('?')[0]} on this connector.`),
  )
}
