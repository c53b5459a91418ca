/** The site URL and the head tags of each page (what chat apps unfurl). */
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { CompiledStory } from '$lib/story/compiled';
import { loadStory } from '$lib/story/load';
import { formatStoryDate } from '$lib/ui/format';
import { absoluteUrl, DEFAULT_SITE_URL, siteUrl } from '$lib/server/site';
import { clampText, eventPageMeta, MAX_DESCRIPTION, storyPageMeta } from '$lib/meta/page-meta';
import { eventPageHead, storyPageHead } from '$lib/meta/page-head';

let story: CompiledStory;
beforeAll(() => {
	story = loadStory(path.resolve('geo'));
});

describe('siteUrl', () => {
	test('defaults to the local preview server', () => {
		expect(siteUrl(undefined)).toBe(DEFAULT_SITE_URL);
		expect(siteUrl('  ')).toBe(DEFAULT_SITE_URL);
	});

	test('takes an http(s) origin, without the trailing slash', () => {
		expect(siteUrl('https://example.org/')).toBe('https://example.org');
		expect(siteUrl('https://Example.org')).toBe('https://example.org');
		expect(siteUrl('http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080');
	});

	test.each([
		'example.org',
		'/relative',
		'ftp://example.org',
		'javascript:alert(1)',
		'data:text/html,x',
		'https://user:pw@example.org',
		'https://example.org/sub/path',
		'https://example.org/?q=1',
		'https://example.org/#x'
	])('rejects %s', (value) => {
		expect(() => siteUrl(value)).toThrow(/SITE_URL/);
	});

	test('absoluteUrl joins root-relative paths only', () => {
		expect(absoluteUrl('/events/x/', 'https://e.org')).toBe('https://e.org/events/x/');
		expect(() => absoluteUrl('//evil.example/', 'https://e.org')).toThrow();
		expect(() => absoluteUrl('events/x/', 'https://e.org')).toThrow();
	});
});

describe('page meta', () => {
	const site = 'https://maps.example.org';

	test('every event: absolute URLs, its preview image, a description of ≤ 200 characters', () => {
		for (const event of story.events) {
			const meta = eventPageMeta(event, story.article, site);
			expect(meta.url).toBe(`${site}/events/${event.id}/`);
			expect(meta.image).toEqual({
				url: `${site}/og/${event.id}.png`,
				width: 1200,
				height: 630,
				alt: expect.stringContaining(event.title)
			});
			expect(meta.cardTitle).toBe(event.title);
			expect(meta.title.startsWith(event.title)).toBe(true);
			expect(meta.description.startsWith(`${formatStoryDate(event.date)}, ${event.place}.`)).toBe(
				true
			);
			expect(Array.from(meta.description).length).toBeLessThanOrEqual(MAX_DESCRIPTION);
		}
	});

	test('the title and image the browser keeps are the cards’ own', () => {
		const same = (
			head: ReturnType<typeof storyPageHead>,
			meta: ReturnType<typeof storyPageMeta>
		) => {
			expect(head.title).toBe(meta.title);
			expect(head.cardTitle).toBe(meta.cardTitle);
			expect(head.url).toBe(meta.url);
			expect(`${site}${head.image.path}`).toBe(meta.image.url);
			expect(meta.image.alt).toBe(clampText(head.image.alt, 300));
		};
		same(storyPageHead(story.article, site), storyPageMeta(story.article, site));
		for (const event of story.events) {
			same(eventPageHead(event, story.article, site), eventPageMeta(event, story.article, site));
			// Beyond a large story's page limit an event has no picture of its own: the story's.
			const without = eventPageHead(event, story.article, site, false);
			same(without, eventPageMeta(event, story.article, site, false));
			expect(without.image).toEqual(storyPageHead(story.article, site).image);
			expect(without.title.startsWith(event.title)).toBe(true);
		}
	});

	test('the home page: the story card', () => {
		const meta = storyPageMeta(story.article, site);
		expect(meta.url).toBe(`${site}/`);
		expect(meta.image.url).toBe(`${site}/og/story.png`);
		expect(meta.cardTitle).toBe(story.article.headline);
		expect(Array.from(meta.description).length).toBeLessThanOrEqual(MAX_DESCRIPTION);
	});

	test('clampText cuts at a word with an ellipsis, and leaves short text alone', () => {
		expect(clampText('short', 10)).toBe('short');
		const cut = clampText('alpha beta gamma delta epsilon', 20);
		expect(cut).toBe('alpha beta gamma…');
		expect(Array.from(clampText('x'.repeat(500))).length).toBe(MAX_DESCRIPTION);
	});
});
