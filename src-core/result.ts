/**
 * Expected failures are values, not exceptions. `path` is a JSON pointer (`/framework/competencies/…`)
 * or a location such as `line 3, column 14` / `row 12`.
 */
export interface Problem {
  code: string;
  message: string;
  path?: string;
  line?: number;
  column?: number;
}

export type Result<T, E extends Problem = Problem> = { ok: true; value: T } | { ok: false; error: E };

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function fail(code: string, message: string, extra: Omit<Problem, 'code' | 'message'> = {}): {
  ok: false;
  error: Problem;
} {
  return { ok: false, error: { code, message, ...extra } };
}
