/**
 * Reading one stored view choice (localStorage: untrusted) back into a form: the value when the form
 * offers it, else the form's default. Shared by the panels whose forms are kept across reloads.
 */

/** `v` when it is one of `list`, else `fallback`. */
export const oneOf = <T>(list: readonly T[], v: unknown, fallback: T): T => (list.includes(v as T) ? (v as T) : fallback);

/** `v` when it is a boolean, else `fallback`. */
export const flag = (v: unknown, fallback: boolean): boolean => (typeof v === 'boolean' ? v : fallback);

/** `v` when it is text of at most `max` characters (a field as typed), else `fallback`. */
export const text = (v: unknown, fallback: string, max = 40): string => (typeof v === 'string' && v.length <= max ? v : fallback);
