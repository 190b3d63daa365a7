// Turns anything thrown into one line a person can read (no stack traces in the page).

export function describeError(err: unknown): string {
  if (err instanceof Error) return err.message || err.name;
  if (typeof err === 'string') return err;
  return 'an unknown error occurred';
}
