import { expect, test } from 'vitest';
import { didYouMean, editDistance, suggest } from '$lib/story/suggest';

test('editDistance counts a swap of neighbours as one edit', () => {
	expect(editDistance('Syria', 'Syria')).toBe(0);
	expect(editDistance('Syrai', 'Syria')).toBe(1);
	expect(editDistance('Turkye', 'Turkey')).toBe(1);
	expect(editDistance('kitten', 'sitting')).toBe(3);
	expect(editDistance('', 'abc')).toBe(3);
});

test('suggest finds case, accent, typo and long-form variants, best first', () => {
	const names = ['Syria', 'Turkey', 'Russia', 'France', 'Iraq', 'Iran', 'N. Cyprus', 'Cyprus'];
	expect(suggest('syria', names)).toEqual(['Syria']);
	expect(suggest('Russian Federation', names)).toEqual(['Russia']);
	expect(suggest('Frence', names)).toEqual(['France']);
	expect(suggest('Irak', names)).toEqual(['Iran', 'Iraq']); // equally close: alphabetical
	expect(suggest('Cyprus', names)[0]).toBe('Cyprus');
	expect(suggest('Atlantis', names)).toEqual([]);
	expect(suggest('', names)).toEqual([]);
});

test('didYouMean phrases zero, one or several suggestions', () => {
	expect(didYouMean('Atlantis', ['Syria'])).toBe('');
	expect(didYouMean('passage', ['passages', 'quote'])).toBe(' (did you mean "passages"?)');
	expect(didYouMean('Irak', ['Iraq', 'Iran'])).toBe(' (did you mean "Iran" or "Iraq"?)');
});
