import { describe, expect, test } from 'vitest';
import {
	formatProblem,
	problemsHeader,
	sortProblems,
	StoryError,
	type Problem
} from '$lib/story/problems';

describe('formatProblem', () => {
	test('file › feature id › field: reason', () => {
		expect(
			formatProblem({
				file: 'routes.geojson',
				featureId: 'western-route',
				field: 'properties.precision',
				reason: '"precise" is not one of: exact, approximate, disputed'
			})
		).toBe(
			'routes.geojson › western-route › properties.precision: "precise" is not one of: exact, approximate, disputed'
		);
	});
	test('leaves out the parts a problem does not have', () => {
		expect(formatProblem({ file: 'events.json', reason: 'missing' })).toBe('events.json: missing');
		expect(formatProblem({ file: 'routes.geojson', field: 'title', reason: 'missing' })).toBe(
			'routes.geojson › title: missing'
		);
		expect(formatProblem({ file: 'events.json', featureId: 'x', reason: 'no feature' })).toBe(
			'events.json › x: no feature'
		);
		expect(formatProblem({ file: 'a.geojson', featureId: '', field: '', reason: 'r' })).toBe(
			'a.geojson: r'
		);
	});
	test('text is kept as it is, markup included (the message is plain text, never HTML)', () => {
		expect(
			formatProblem({
				file: 'a.geojson',
				featureId: 'x',
				field: 'properties.title',
				reason: 'has <b>'
			})
		).toBe('a.geojson › x › properties.title: has <b>');
	});
});

test('problemsHeader counts in words', () => {
	expect(problemsHeader(1)).toBe('1 problem in the story data:');
	expect(problemsHeader(3)).toBe('3 problems in the story data:');
});

describe('StoryError', () => {
	const problems: Problem[] = [
		{ file: 'sites.geojson', featureId: 'b', field: 'id', reason: 'second in sites' },
		{ file: 'areas.geojson', featureId: 'a', reason: 'in areas' },
		{ file: 'events.json', featureId: 'e', field: 'date', reason: 'in events' },
		{ file: 'sites.geojson', featureId: 'a', reason: 'first reported later in sites' },
		{ file: 'article.json', featureId: 'p2', field: 'unmapped', reason: 'in article' }
	];

	test('lists every problem, one line each, under a header', () => {
		const error = new StoryError(problems);
		expect(error).toBeInstanceOf(Error);
		expect(error.name).toBe('StoryError');
		expect(error.message).toBe(
			[
				'5 problems in the story data:',
				'article.json › p2 › unmapped: in article',
				'events.json › e › date: in events',
				'areas.geojson › a: in areas',
				'sites.geojson › b › id: second in sites',
				'sites.geojson › a: first reported later in sites'
			].join('\n')
		);
		expect(error.lines).toHaveLength(5);
		expect(error.problems).toHaveLength(5);
	});

	test('orders article.json, events.json, then layers by name, and keeps check order within a file', () => {
		expect(sortProblems(problems).map((p) => p.reason)).toEqual([
			'in article',
			'in events',
			'in areas',
			'second in sites',
			'first reported later in sites'
		]);
	});

	test('does not reorder the array it was given', () => {
		const copy = [...problems];
		new StoryError(problems);
		expect(problems).toEqual(copy);
	});

	test('one problem reads "1 problem"', () => {
		expect(new StoryError([{ file: 'article.json', reason: 'missing' }]).message).toBe(
			'1 problem in the story data:\narticle.json: missing'
		);
	});
});
