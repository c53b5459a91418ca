/** Lookups over a compiled story: the same answers as a scan, built once per story. */
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { CompiledFeature, CompiledStory } from '$lib/story/compiled';
import { loadStory } from '$lib/story/load';
import { eventById, featuresOfEvent } from '$lib/story/lookup';

let stories: CompiledStory[];

beforeAll(() => {
	stories = ['geo', 'tests/fixtures/story/valid', 'tests/fixtures/sea-story'].map((dir) =>
		loadStory(path.resolve(dir))
	);
});

describe('story lookups', () => {
	test('an event by id is the event a scan finds; an unknown id is undefined', () => {
		for (const story of stories) {
			for (const e of story.events) expect(eventById(story, e.id)).toBe(e);
			expect(eventById(story, 'no-such-event')).toBeUndefined();
			// Not an inherited property of a plain object.
			expect(eventById(story, 'constructor')).toBeUndefined();
		}
	});

	test("an event's features are a scan's, in layer order, each with its layer", () => {
		for (const story of stories) {
			for (const e of story.events) {
				const scanned = story.layers.flatMap((layer) =>
					(layer.data.features as CompiledFeature[])
						.filter((f) => f.properties.event === e.id)
						.map((feature) => ({ layer, feature }))
				);
				expect(scanned.length).toBeGreaterThan(0);
				expect(featuresOfEvent(story, e.id)).toEqual(scanned);
				for (const { layer, feature } of featuresOfEvent(story, e.id))
					expect(layer.data.features).toContain(feature);
			}
			expect(featuresOfEvent(story, 'no-such-event')).toEqual([]);
		}
	});

	test('built once per story: a second ask returns the same objects', () => {
		const [story] = stories;
		const id = story.events[0].id;
		expect(featuresOfEvent(story, id)).toBe(featuresOfEvent(story, id));
		// Another story (even a copy of the same data) has its own lookups.
		const copy = loadStory(path.resolve('geo'));
		expect(featuresOfEvent(copy, id)).not.toBe(featuresOfEvent(story, id));
		expect(featuresOfEvent(copy, id)).toEqual(featuresOfEvent(story, id));
	});
});
