import "server-only";
import { ERROR_STATUS, type ErrorCode, type ErrorDetail } from "@/lib/api/error-codes";

/** The only error type whose message reaches a user. Services throw it; the route wrapper renders it. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
  ) {
    super(message);
    this.name = "ApiError";
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}
