/** Mirrors the server's rule, so people learn it before they submit. */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_HINT = `At least ${PASSWORD_MIN_LENGTH} characters. A few unrelated words work well.`;
