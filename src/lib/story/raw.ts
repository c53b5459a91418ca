/** Reading parsed JSON that may not match the schema yet (to keep checking past a bad field). */

export const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** The `id` of a raw object, when it is a non-empty string. */
export const idOf = (value: unknown): string | undefined =>
	isRecord(value) && typeof value.id === 'string' && value.id !== '' ? value.id : undefined;
