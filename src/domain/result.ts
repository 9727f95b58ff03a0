/** Errors are values: a French message that names the field and, where there is one, the id. */
export interface DomainError {
  /** Where the problem is, e.g. `session.steps[3].date`. Empty for the whole file. */
  path: string;
  /** A French sentence for the user. */
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; errors: DomainError[] };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(...errors: DomainError[]): Result<T> => ({ ok: false, errors });
