import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
	findQuote,
	firstWords,
	nearMiss,
	passageById,
	passageMap,
	quoteRange,
	splitAtRange
} from '$lib/story/passages';

const p10 =
	'Hollande is on a diplomatic offensive to build a common front against the militant Islamist group that has claimed responsibility for the attacks in Paris on November 13 that killed 130 people.';

describe('quoteRange', () => {
	test('finds a quote as [start, end) offsets that slice back to it', () => {
		const range = quoteRange(p10, 'killed 130 people');
		expect(range).toEqual([p10.length - 18, p10.length - 1]);
		expect(p10.slice(...range!)).toBe('killed 130 people');
	});

	test('finds the first occurrence', () => {
		expect(quoteRange('the cat and the hat', 'the')).toEqual([0, 3]);
	});

	test('is verbatim: case, spacing and quote marks matter', () => {
		expect(quoteRange(p10, 'Killed 130 people')).toBeNull();
		expect(quoteRange(p10, 'killed  130 people')).toBeNull();
		expect(quoteRange('a "mutual enemy"', 'a “mutual enemy”')).toBeNull();
	});

	test('an empty quote is never found', () => {
		expect(quoteRange(p10, '')).toBeNull();
	});

	test('the range of any substring slices back to that substring', () => {
		fc.assert(
			fc.property(fc.string({ minLength: 1 }), fc.nat(), fc.nat(), (text, a, b) => {
				const start = a % text.length;
				const end = start + 1 + (b % (text.length - start));
				const quote = text.slice(start, end);
				const range = quoteRange(text, quote)!;
				expect(text.slice(range[0], range[1])).toBe(quote);
				expect(range[0]).toBeLessThanOrEqual(start);
			}),
			{ numRuns: 200 }
		);
	});
});

describe('findQuote', () => {
	const passages = passageMap([
		{ id: 'p1', text: 'France and Russia will exchange intelligence.' },
		{ id: 'p2', text: 'Russia and France have stepped up.' }
	]);
	test('returns the first listed passage that holds the quote', () => {
		expect(findQuote(passages, ['p2', 'p1'], 'Russia')).toEqual({ passage: 'p2', range: [0, 6] });
		expect(findQuote(passages, ['p1', 'p2'], 'Russia')).toEqual({ passage: 'p1', range: [11, 17] });
	});
	test('skips unknown ids and returns null when no passage holds it', () => {
		expect(findQuote(passages, ['p9', 'p2'], 'stepped up')).toEqual({
			passage: 'p2',
			range: [23, 33]
		});
		expect(findQuote(passages, ['p1', 'p2'], 'Turkey')).toBeNull();
	});
});

test('passageById and passageMap', () => {
	const list = [
		{ id: 'p1', text: 'a' },
		{ id: 'p2', text: 'b' }
	];
	expect(passageById(list, 'p2')).toBe(list[1]);
	expect(passageById(list, 'p3')).toBeUndefined();
	expect(passageMap(list).get('p1')).toBe(list[0]);
});

describe('splitAtRange', () => {
	test('splits around the quote for <mark>, and keeps markup-like text as text', () => {
		const text = 'a <script>x</script> b';
		expect(splitAtRange(text, quoteRange(text, '<script>x</script>'))).toEqual({
			before: 'a ',
			marked: '<script>x</script>',
			after: ' b'
		});
	});
	test('with no range, everything is before', () => {
		expect(splitAtRange('abc', null)).toEqual({ before: 'abc', marked: '', after: '' });
	});
	test('the three parts always join back into the text', () => {
		fc.assert(
			fc.property(fc.string(), fc.nat(), fc.nat(), (text, a, b) => {
				const start = text.length ? a % (text.length + 1) : 0;
				const end = start + (text.length - start ? b % (text.length - start + 1) : 0);
				const { before, marked, after } = splitAtRange(text, [start, end]);
				expect(before + marked + after).toBe(text);
			}),
			{ numRuns: 200 }
		);
	});
});

describe('firstWords', () => {
	test('the first n words, single-spaced', () => {
		expect(firstWords(p10, 4)).toBe('Hollande is on a');
		expect(firstWords('  France   and\nRussia will ', 3)).toBe('France and Russia');
	});
	test('all words when there are fewer than n, nothing for n ≤ 0', () => {
		expect(firstWords('one two', 5)).toBe('one two');
		expect(firstWords('one two', 0)).toBe('');
		expect(firstWords('', 3)).toBe('');
	});
});

describe('nearMiss', () => {
	test('explains a quote that differs only in case, spacing, quote marks or dashes', () => {
		expect(nearMiss('a "mutual enemy" here', 'A “mutual  enemy”')).toMatch(
			/differ in case, spacing, quote marks or dashes/
		);
		expect(nearMiss('France–Germany match', 'France-Germany')).toBeDefined();
	});
	test('says nothing when the words are not there at all', () => {
		expect(nearMiss(p10, 'Berlin')).toBeUndefined();
	});
});
