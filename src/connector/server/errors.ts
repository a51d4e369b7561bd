/** An error that answers the request with a status and a plain-text sentence. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options)
    this.name = 'HttpError'
  }
}

/** 400: the body or a parameter is not what the route needs. */
export class BadRequestError extends HttpError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(400, 'BAD_REQUEST', message, options)
    this.name = 'BadRequestError'
  }
}

/** 400: the `{application}` id was never registered through /connect in this data folder. */
export class UnknownApplicationError extends HttpError {
  constructor(id: string) {
    super(400, 'UNKNOWN_APPLICATION', `No application with id ${id} is registered; call /connect.`)
    this.name = 'UnknownApplicationError'
  }
}

/** 401: the application is known but has not called /connect since this connector started. */
export class NotConnectedError extends HttpError {
  constructor(id: string) {
    super(
      401,
      'NOT_CONNECTED',
      `/connect was not called for application ${id} since the connector started.`,
    )
    this.name = 'NotConnectedError'
  }
}

/** 403: the request's Host or Origin is not one this loopback service answers. */
export class ForbiddenError extends HttpError {
  constructor(message: string) {
    super(403, 'FORBIDDEN', message)
    this.name = 'ForbiddenError'
  }
}

/** 404: no such asset (or it was deleted). */
export class NotFoundError extends HttpError {
  constructor(message: string) {
    super(404, 'NOT_FOUND', message)
    this.name = 'NotFoundError'
  }
}
