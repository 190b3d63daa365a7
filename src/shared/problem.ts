// What the core, the parsers and the Worker tell the user: a code and its parameters, never a
// sentence. The UI renders it in the user's language (src/ui/i18n: key `problem.<code>`).

/**
 * Values filled into the message's {placeholders}. A Problem as a value is a phrase rendered in
 * the same language first (e.g. what a file really is, inside "x.bin is {what}").
 */
export type ProblemParams = Record<string, string | number | Problem>;

export interface Problem {
  /** Names the message, e.g. 'data.wrongSize'; en.ts and zh.ts hold 'problem.data.wrongSize'. */
  code: string;
  params?: ProblemParams;
}

export function problem(code: string, params?: ProblemParams): Problem {
  return params ? { code, params } : { code };
}

/** An Error that carries a Problem, for code paths that throw; `message` is the code (for logs). */
export class ProblemError extends Error {
  readonly problem: Problem;
  constructor(p: Problem) {
    super(p.code);
    this.name = 'ProblemError';
    this.problem = p;
  }
}

export function isProblem(value: unknown): value is Problem {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Problem).code === 'string' &&
    ((value as Problem).params === undefined || typeof (value as Problem).params === 'object')
  );
}
