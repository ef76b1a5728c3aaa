/** One field-level complaint, as sent by the API in `error.details`. */
export interface ErrorDetail {
  path: string;
  message: string;
}

/**
 * Anything that can be shown as a form error. A plain `Error` fits too (it has no details),
 * so components accept whatever TanStack Query hands them.
 */
export interface Problem {
  message: string;
  details?: readonly ErrorDetail[];
}

function matches(detail: ErrorDetail, field: string): boolean {
  // The server may report `email` or a prefixed `body.email`; both belong to the field.
  return detail.path === field || detail.path.endsWith(`.${field}`);
}

/** The message for one field, if the server complained about it. */
export function fieldError(problem: Problem | null, field: string): string | undefined {
  return problem?.details?.find((detail) => matches(detail, field))?.message;
}

/** Details that no field in the form can show, so the form-level message lists them. */
export function unplacedDetails(problem: Problem, fields: readonly string[]): ErrorDetail[] {
  return (problem.details ?? []).filter(
    (detail) => !fields.some((field) => matches(detail, field)),
  );
}
