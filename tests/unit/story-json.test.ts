import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { jsonErrorOffset, lineColumn, parseJson } from '$lib/story/json';

describe('lineColumn', () => {
	test('1-based line and column of an offset', () => {
		const text = 'ab\ncd\r\nef';
		expect(lineColumn(text, 0)).toEqual({ line: 1, column: 1 });
		expect(lineColumn(text, 2)).toEqual({ line: 1, column: 3 });
		expect(lineColumn(text, 3)).toEqual({ line: 2, column: 1 });
		expect(lineColumn(text, 7)).toEqual({ line: 3, column: 1 });
		expect(lineColumn(text, 99)).toEqual({ line: 3, column: 3 });
	});
});

describe('parseJson', () => {
	test('parses valid JSON', () => {
		expect(parseJson('a.json', '{"a": [1, 2]}')).toEqual({ ok: true, value: { a: [1, 2] } });
	});

	test('accepts a byte order mark', () => {
		expect(parseJson('a.json', '\uFEFF{"a": 1}')).toEqual({ ok: true, value: { a: 1 } });
	});

	test.each([
		// [text, line, column] where the error is
		['{\n\t"a": 1,\n}', 3, 1], // trailing comma in an object
		['[\n\t1,\n\t2,\n]', 4, 1], // trailing comma in an array: Node's message has no position
		['{\n\t"a": 1\n\t"b": 2\n}', 3, 2], // missing comma
		['{\n\t"a": tru\n}', 2, 10],
		['{"a": "b\nc"}', 1, 9], // raw newline in a string
		['{"a": 01}', 1, 8],
		['{"a": 1}}', 1, 9],
		['{"a": "\\x"}', 1, 9],
		['{"a": [1, 2', 1, 12], // ends too soon
		['', 1, 1],
		["{'a': 1}", 1, 2]
	])('%j: line %i, column %i', (text, line, column) => {
		const result = parseJson('events.json', text);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.problem.file).toBe('events.json');
		expect(result.problem.field).toBe(`line ${line}, column ${column}`);
		expect(result.problem.reason).toMatch(/^invalid JSON: \S/);
		expect(result.problem.reason).not.toMatch(/is not valid JSON|at position/); // no echoed input, no offset
	});

	test('the scanner finds no error in anything JSON.stringify writes', () => {
		fc.assert(
			fc.property(fc.jsonValue(), (value) => {
				const text = JSON.stringify(value, null, 2);
				expect(jsonErrorOffset(text)).toBe(text.length);
			}),
			{ numRuns: 200 }
		);
	});

	test('the offset agrees with the engine when the engine gives one', () => {
		const broken = ['{"a":1,}', '[1,2', '{"a" 1}', '{"a":"b\n"}', '{"a":1}}', '"abc', '{"a":01}'];
		for (const text of broken) {
			let message = '';
			try {
				JSON.parse(text);
			} catch (error) {
				message = (error as Error).message;
			}
			const position = /at position (\d+)/.exec(message);
			if (position) expect(jsonErrorOffset(text), text).toBe(Number(position[1]));
		}
	});
});
