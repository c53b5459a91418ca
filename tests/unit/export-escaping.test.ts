/**
 * The escaping the downloads rest on, for any string: a CSV cell read back by papaparse, a
 * KML text or attribute read back by xmldom.
 */
import { DOMParser, onErrorStopParsing } from '@xmldom/xmldom';
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvCell, csvLine } from '$lib/export/csv';
import { kmlColour } from '$lib/export/kml';
import { escapeXml } from '$lib/export/xml';

/** What spreadsheets may run as a formula (OWASP): such text comes back with a leading `'`. */
const DANGEROUS = ['=', '+', '-', '@', '\t', '\r'];

/** Strings built from the characters that matter, and any strings at all. */
const tricky = fc.oneof(
	fc.string({ unit: fc.constantFrom(...DANGEROUS, '\n', '"', ',', "'", ' ', 'a', '1', '\u202e') }),
	fc.string({ unit: 'grapheme' }),
	fc.string({ unit: 'binary' })
);

/** One cell between two others, so an empty cell is not an empty line. */
function roundTrip(value: string): string {
	const text = `\uFEFF${csvLine(['a', 'b', 'c'])}${csvLine(['x', value, 'y'])}`;
	const parsed = Papa.parse<string[]>(text, {
		delimiter: ',',
		newline: '\r\n',
		skipEmptyLines: false
	});
	expect(parsed.errors).toEqual([]);
	expect(parsed.data[0]).toEqual(['a', 'b', 'c']);
	expect(parsed.data[1][0]).toBe('x');
	expect(parsed.data[1][2]).toBe('y');
	return parsed.data[1][1];
}

describe('csvCell', () => {
	it('any string reads back as itself, or with a leading quote when it could be a formula', () => {
		fc.assert(
			fc.property(tricky, (s) => {
				const dangerous = DANGEROUS.some((d) => s.startsWith(d));
				expect(roundTrip(s)).toBe(dangerous ? `'${s}` : s);
			}),
			{ numRuns: 2000 }
		);
	});

	it('neutralises each dangerous first character', () => {
		for (const d of DANGEROUS) expect(roundTrip(`${d}cmd`)).toBe(`'${d}cmd`);
		expect(csvCell('=1+1')).toBe(`'=1+1`);
		expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
		expect(csvCell('a=1')).toBe('a=1');
	});

	it('writes numbers as numbers, negative ones too, and nothing for no value', () => {
		expect(csvCell(-12.5)).toBe('-12.5');
		expect(csvCell(0)).toBe('0');
		expect(csvCell(Number.NaN)).toBe('');
		expect(csvCell(undefined)).toBe('');
		expect(csvLine([1, undefined, 'x'])).toBe('1,,x\r\n');
	});
});

describe('escapeXml', () => {
	// Errors only: xmldom warns of any U+FFFD ("source encoding issues?"), which is the point here.
	const read = (xml: string) =>
		new DOMParser({ onError: onErrorStopParsing }).parseFromString(xml, 'text/xml');

	it('any XML-legal string reads back as itself, as text and as an attribute', () => {
		// Characters XML 1.0 cannot hold are replaced: leave them out of the round trip.
		const legal = (s: string) =>
			s.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '');
		fc.assert(
			fc.property(tricky.map(legal), (s) => {
				const doc = read(`<r a="${escapeXml(s)}">${escapeXml(s)}</r>`);
				expect(doc.documentElement!.textContent).toBe(s);
				expect(doc.documentElement!.getAttribute('a')).toBe(s);
			}),
			{ numRuns: 2000 }
		);
	});

	it('keeps the line ends a parser would normalise (found by the property above)', () => {
		const s = 'a\u2028b\u0085c\u2029d\r\ne';
		const doc = read(`<r a="${escapeXml(s)}">${escapeXml(s)}</r>`);
		expect(doc.documentElement!.textContent).toBe(s);
		expect(doc.documentElement!.getAttribute('a')).toBe(s);
	});

	it('replaces what XML cannot hold, so the file still parses', () => {
		const doc = read(`<r>${escapeXml('a\u0001b\uFFFEc\uD800d')}</r>`);
		expect(doc.documentElement!.textContent).toBe('a\uFFFDb\uFFFDc\uFFFDd');
	});

	it('leaves markup as text', () => {
		expect(escapeXml('<script>alert("x")</script> & co')).toBe(
			'&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co'
		);
	});
});

describe('kmlColour', () => {
	it('writes #rrggbb as aabbggrr', () => {
		expect(kmlColour('#D55E00')).toBe('ff005ed5');
		expect(kmlColour('#0072B2', 0x66)).toBe('66b27200');
	});
});
