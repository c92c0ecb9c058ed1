/** Outcome of validating one user-typed value; `error` is a stable code with a message per locale. */
export type Validation<Code extends string> = { valid: true; normalized: string } | { valid: false; error: Code };

export function ok<Code extends string>(normalized: string): Validation<Code> {
  return { valid: true, normalized };
}

export function fail<Code extends string>(error: Code): Validation<Code> {
  return { valid: false, error };
}
