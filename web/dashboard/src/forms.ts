/** Reads a text input from a submitted form; absent fields read as ''. */
export function formText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
}

/** Passwords are sent exactly as typed: leading or trailing spaces may be intended. */
export function formPassword(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}
