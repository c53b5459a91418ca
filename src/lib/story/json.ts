/**
 * JSON parsing that says where a file is broken. `JSON.parse` errors carry a position only for
 * some mistakes ("at position N"), and Node versions word them differently ("Unexpected token
 * '}', "…" is not valid JSON" has none), so the position comes from a small scanner that walks
 * the JSON grammar up to the first error.
 */
import type { Problem } from './problems';

export type JsonResult = { ok: true; value: unknown } | { ok: false; problem: Problem };

/** Line and column (both 1-based) of an offset in a text. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
	const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
	const lines = before.split(/\r\n|\r|\n/);
	return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}

/** Parse a JSON file; a syntax error becomes a problem with its line and column. */
export function parseJson(file: string, text: string): JsonResult {
	const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
	try {
		return { ok: true, value: JSON.parse(body) };
	} catch (error) {
		const offset = jsonErrorOffset(body);
		const { line, column } = lineColumn(body, offset);
		const reason = cleanMessage(error instanceof Error ? error.message : String(error));
		return {
			ok: false,
			problem: { file, field: `line ${line}, column ${column}`, reason: `invalid JSON: ${reason}` }
		};
	}
}

/** The engine's message without the echoed input and the position (which we give as line and column). */
function cleanMessage(message: string): string {
	return message
		.replace(/, (?:\.\.\.)?".*" is not valid JSON$/s, '')
		.replace(/ at position \d+.*$/s, '')
		.replace(/ in JSON$/, '');
}

/**
 * Offset of the first syntax error in a text that `JSON.parse` rejected: the character that
 * cannot continue a JSON text (or the text's length when it ends too soon).
 */
export function jsonErrorOffset(text: string): number {
	let i = 0;
	const fail = (at: number): never => {
		throw new JsonSyntax(at);
	};
	const ws = () => {
		while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
	};
	const literal = (word: string) => {
		for (const ch of word) {
			if (text[i] !== ch) fail(i);
			i++;
		}
	};
	const digits = () => {
		const start = i;
		while (i < text.length && text[i] >= '0' && text[i] <= '9') i++;
		if (i === start) fail(i);
	};
	const number = () => {
		if (text[i] === '-') i++;
		if (text[i] === '0') {
			i++;
		} else digits();
		if (text[i] === '.') {
			i++;
			digits();
		}
		if (text[i] === 'e' || text[i] === 'E') {
			i++;
			if (text[i] === '+' || text[i] === '-') i++;
			digits();
		}
	};
	const string = () => {
		i++; // opening quote
		for (;;) {
			if (i >= text.length) fail(i);
			const ch = text[i];
			if (ch === '"') {
				i++;
				return;
			}
			if (ch < ' ') fail(i);
			if (ch === '\\') {
				i++;
				const esc = text[i];
				if (esc === 'u') {
					for (let k = 1; k <= 4; k++) if (!/[0-9a-fA-F]/.test(text[i + k] ?? '')) fail(i + k);
					i += 5;
				} else if (esc !== undefined && '"\\/bfnrt'.includes(esc)) i++;
				else fail(i);
			} else i++;
		}
	};
	const value = (): void => {
		ws();
		const ch = text[i];
		if (ch === '{') {
			i++;
			ws();
			if (text[i] === '}') {
				i++;
				return;
			}
			for (;;) {
				ws();
				if (text[i] !== '"') fail(i);
				string();
				ws();
				if (text[i] !== ':') fail(i);
				i++;
				value();
				ws();
				if (text[i] === ',') {
					i++;
					continue;
				}
				if (text[i] === '}') {
					i++;
					return;
				}
				fail(i);
			}
		} else if (ch === '[') {
			i++;
			ws();
			if (text[i] === ']') {
				i++;
				return;
			}
			for (;;) {
				value();
				ws();
				if (text[i] === ',') {
					i++;
					continue;
				}
				if (text[i] === ']') {
					i++;
					return;
				}
				fail(i);
			}
		} else if (ch === '"') string();
		else if (ch === '-' || (ch >= '0' && ch <= '9')) number();
		else if (ch === 't') literal('true');
		else if (ch === 'f') literal('false');
		else if (ch === 'n') literal('null');
		else fail(i);
	};
	try {
		value();
		ws();
		if (i < text.length) fail(i);
	} catch (error) {
		if (error instanceof JsonSyntax) return Math.min(error.offset, text.length);
		throw error;
	}
	return text.length;
}

class JsonSyntax {
	constructor(readonly offset: number) {}
}
