/**
 * zod issues → problems an author can act on. zod's own messages ("Invalid option: expected
 * one of …", "Invalid input") are written for programmers; these name the field, the value
 * that was found, and what is allowed.
 */
import type { core, ZodType } from 'zod';
import type { Problem } from './problems';
import { didYouMean } from './suggest';

type Issue = core.$ZodIssue;
type Path = readonly PropertyKey[];

/** `properties.passages[1]`, `geometry.coordinates[0][3]`. */
export function formatPath(path: Path): string {
	let out = '';
	for (const key of path) {
		if (typeof key === 'number') out += `[${key}]`;
		else out += out === '' ? String(key) : `.${String(key)}`;
	}
	return out;
}

/** A value as it appears in a message: strings quoted, long things shortened. */
export function showValue(value: unknown): string {
	if (value === undefined) return 'nothing';
	let text: string;
	try {
		text = JSON.stringify(value) ?? String(value);
	} catch {
		text = String(value);
	}
	return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** The JSON type of a value, as a reader would name it. */
function typeName(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'an array';
	switch (typeof value) {
		case 'string':
			return 'a string';
		case 'number':
			return 'a number';
		case 'boolean':
			return 'a boolean';
		case 'object':
			return 'an object';
		default:
			return typeof value;
	}
}

const expectedNames: Record<string, string> = {
	string: 'a string',
	number: 'a number',
	int: 'a whole number',
	boolean: 'true or false',
	array: 'an array',
	object: 'an object',
	tuple: 'an array',
	null: 'null'
};
const expectedName = (expected: string) => expectedNames[expected] ?? expected;

const listValues = (values: readonly unknown[]) =>
	values.map((v) => (typeof v === 'string' ? v : showValue(v))).join(', ');

/** The zod schema found by following `path` from `schema`, or undefined when the path leaves it. */
function schemaAt(schema: ZodType, path: Path): ZodType[] {
	let current: ZodType[] = [schema];
	for (const key of path) {
		const next: ZodType[] = [];
		for (const s of current.flatMap(unwrap)) {
			const def = s._zod.def as unknown as Record<string, unknown>;
			if (def.type === 'object' && typeof key === 'string') {
				const shape = def.shape as Record<string, ZodType>;
				if (key in shape) next.push(shape[key]);
			} else if (def.type === 'array' && typeof key === 'number') next.push(def.element as ZodType);
			else if (def.type === 'tuple' && typeof key === 'number') {
				const items = def.items as ZodType[];
				if (items[key]) next.push(items[key]);
			}
		}
		current = next;
	}
	return current.flatMap(unwrap);
}

/** Look through optional/nullable/default wrappers and into every option of a union. */
function unwrap(schema: ZodType): ZodType[] {
	const def = schema._zod.def as unknown as Record<string, unknown>;
	if ('innerType' in def && def.innerType) return unwrap(def.innerType as ZodType);
	if (def.type === 'pipe') return unwrap(def.in as ZodType);
	if (def.type === 'union') return (def.options as ZodType[]).flatMap(unwrap);
	return [schema];
}

/** The keys an object at `path` may have, for "did you mean" on unknown fields. */
function keysAt(schema: ZodType, path: Path): string[] {
	return schemaAt(schema, path).flatMap((s) => {
		const def = s._zod.def as unknown as Record<string, unknown>;
		return def.type === 'object' ? Object.keys(def.shape as object) : [];
	});
}

/** One zod issue as `[path, reason]` pairs (an unknown-keys issue becomes one pair per key). */
export function describeIssue(issue: Issue, schema: ZodType): { path: Path; reason: string }[] {
	const here = (reason: string) => [{ path: issue.path, reason }];
	switch (issue.code) {
		case 'invalid_type': {
			if (issue.input === undefined)
				return here(`missing: expected ${expectedName(issue.expected)}`);
			return here(
				`expected ${expectedName(issue.expected)}, found ${typeName(issue.input)} ${showValue(issue.input)}`
			);
		}
		case 'invalid_value': {
			const allowed = issue.values;
			if (issue.input === undefined)
				return here(`missing: expected one of: ${listValues(allowed)}`);
			if (allowed.length === 1)
				return here(`${showValue(issue.input)} must be ${showValue(allowed[0])}`);
			return here(`${showValue(issue.input)} is not one of: ${listValues(allowed)}`);
		}
		case 'invalid_union': {
			if (issue.discriminator && 'options' in issue && issue.options) {
				const input = issue.input as Record<string, unknown> | undefined;
				const found = input && typeof input === 'object' ? input[issue.discriminator] : undefined;
				const allowed = listValues(issue.options);
				if (found === undefined) return here(`missing: expected one of: ${allowed}`);
				return here(`${showValue(found)} is not one of: ${allowed}`);
			}
			// A plain union (e.g. a country name or a list of them): say which shapes were allowed.
			const expected = new Set<string>();
			for (const branch of issue.errors) {
				for (const inner of branch) {
					if (inner.code === 'invalid_type' && inner.path.length === 0)
						expected.add(expectedName(inner.expected));
				}
			}
			if (expected.size > 0 && issue.input !== undefined) {
				return here(
					`expected ${[...expected].join(' or ')}, found ${typeName(issue.input)} ${showValue(issue.input)}`
				);
			}
			// Otherwise report the problems of the branch that got furthest (fewest issues).
			const best = [...issue.errors].sort((a, b) => a.length - b.length)[0] ?? [];
			if (best.length === 0) return here(issue.message);
			return best.flatMap((inner) =>
				describeIssue(inner, schema).map(({ path, reason }) => ({
					path: [...issue.path, ...path],
					reason
				}))
			);
		}
		case 'unrecognized_keys': {
			const known = keysAt(schema, issue.path);
			return issue.keys.map((key) => ({
				path: [...issue.path, key],
				reason: `unknown field${didYouMean(key, known)}`
			}));
		}
		case 'too_small': {
			const min = Number(issue.minimum);
			if (issue.origin === 'string')
				return here(min <= 1 ? 'must not be empty' : `must have at least ${min} characters`);
			if (issue.origin === 'array')
				return here(`needs at least ${min} ${min === 1 ? 'item' : 'items'}`);
			return here(
				`${showValue(issue.input)} must be ${issue.inclusive ? 'at least' : 'greater than'} ${min}`
			);
		}
		case 'too_big': {
			const max = Number(issue.maximum);
			if (issue.origin === 'string') return here(`must have at most ${max} characters`);
			if (issue.origin === 'array')
				return here(`has more than ${max} ${max === 1 ? 'item' : 'items'}`);
			return here(
				`${showValue(issue.input)} must be ${issue.inclusive ? 'at most' : 'less than'} ${max}`
			);
		}
		case 'invalid_format':
		case 'custom':
			return here(
				issue.input === undefined ? issue.message : `${showValue(issue.input)} ${issue.message}`
			);
		default:
			return here(issue.message);
	}
}

/**
 * Validate `value` against `schema`; return the parsed data, or the problems, each placed at
 * `file › id › prefix.path`. `id` may depend on the path (passages inside article.json).
 */
export function checkSchema<T>(
	schema: ZodType<T>,
	value: unknown,
	where: { file: string; featureId?: string | ((path: Path) => { featureId?: string; path: Path }) }
): { ok: true; data: T } | { ok: false; problems: Problem[] } {
	const result = schema.safeParse(value, { reportInput: true });
	if (result.success) return { ok: true, data: result.data };
	const problems: Problem[] = [];
	const seen = new Set<string>();
	for (const issue of result.error.issues) {
		for (const { path, reason } of describeIssue(issue, schema)) {
			let featureId = typeof where.featureId === 'string' ? where.featureId : undefined;
			let fieldPath: Path = path;
			if (typeof where.featureId === 'function')
				({ featureId, path: fieldPath } = where.featureId(path));
			const problem: Problem = {
				file: where.file,
				featureId,
				field: formatPath(fieldPath) || undefined,
				reason
			};
			const key = JSON.stringify(problem);
			if (!seen.has(key)) {
				seen.add(key);
				problems.push(problem);
			}
		}
	}
	return { ok: false, problems };
}
