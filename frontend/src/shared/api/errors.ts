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
