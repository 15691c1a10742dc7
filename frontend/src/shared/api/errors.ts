/** RFC 9457 problem details, with the field errors of a 422. */
export type Problem = {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: { loc: (string | number)[]; msg: string; type: string }[];
};

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem | undefined;

  constructor(status: number, body: unknown) {
    const problem = isProblem(body) ? body : undefined;
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }
}

function isProblem(body: unknown): body is Problem {
  return typeof body === 'object' && body !== null;
}

/** Field name -> message, keyed by the last element of each error's `loc`. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || !Array.isArray(error.problem?.errors)) return {};
  const result: Record<string, string> = {};
  for (const item of error.problem.errors) {
    const field = item.loc.at(-1);
    if (typeof field === 'string' && !(field in result)) result[field] = item.msg;
  }
  return result;
}

/** One field error of a 422, as the API sends it. */
export type FieldError = NonNullable<Problem['errors']>[number];

/** A field error's message without pydantic's "Value error, " prefix. */
export function plainMessage(item: Pick<FieldError, 'msg'>): string {
  return item.msg.replace(/^Value error, /, '');
}

/** True when the text has Japanese in it (a message the API already wrote for the desk). */
export function isJapanese(text: string): boolean {
  return /[\u3040-\u30ff\u4e00-\u9fff]/.test(text);
}

/** An error's `loc` without the leading "body", joined with ".", e.g. "consulter.phone". */
export function locPath(loc: FieldError['loc']): string {
  return loc.filter((part) => part !== 'body').join('.');
}

/** The innermost field name of an error's `loc` (list indices skipped), e.g. "participants". */
export function locField(loc: FieldError['loc']): string | undefined {
  return [...loc].reverse().find((part): part is string => typeof part === 'string' && part !== 'body');
}
