/**
 * `$lib/app/arrival`: what the page does on entering, on a link or Back, and on a new hash,
 * on the real story over a fake address bar, with a camera that records what it was asked.
 */
import path from 'node:path';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadStory } from '$lib/story/load';
import { summarise } from '$lib/story/summary';
import { splitSummary, type StoryPart, type StoryShell } from '$lib/story/parts';
import { timelineDomain } from '$lib/time/timeline';
import { afterHashChange, afterNavigation, type Camera } from '$lib/app/arrival';
import { wirePage } from './page-wiring';

const shown: { id: string; focus: boolean }[] = [];
vi.mock('$lib/article/passage-focus', () => ({
	showPassage: async (id: string, opts: { focus: boolean }) => void shown.push({ id, ...opts })
}));

let shell: StoryShell;
let parts: StoryPart[];
beforeAll(() => {
	const story = loadStory(path.resolve('geo'));
	({ shell, parts } = splitSummary(summarise(story), {
		siteUrl: 'https://example.org',
		domain: timelineDomain(story.events, story.article.date)
	}));
});
beforeEach(() => void (shown.length = 0));

function camera() {
	const moves: string[] = [];
	const cam: Camera = {
		jumpTo: (v) => void moves.push(`jump ${v.zoom}/${v.lat}/${v.lng}`),
		frame: (b) => void moves.push(`frame ${b.join(',')}`)
	};
	return { cam, moves };
}

describe('afterNavigation', () => {
	it('a cold start moves no camera (the map opens on the link) and shows the link’s passage', () => {
		const page = wirePage(shell, parts, '#passage=p12', '/events/oil-smuggling/');
		const { cam, moves } = camera();
		afterNavigation(page, cam, 'enter', {});
		expect(moves).toEqual([]);
		expect(page.selection.popupOpen).toBe(true);
		expect(page.selection.event?.id).toBe('oil-smuggling');
		expect(shown).toEqual([{ id: 'p12', focus: false }]);
	});

	it('a link or Back jumps to the address’s view, else frames its event or the story', () => {
		const { cam, moves } = camera();
		const viewed = wirePage(shell, parts, '#map=7/55.75/37.6', '/events/kremlin-talks/');
		afterNavigation(viewed, cam, 'popstate', {});
		const event = wirePage(shell, parts, '', '/events/kremlin-talks/');
		afterNavigation(event, cam, 'link', {});
		afterNavigation(wirePage(shell, parts), cam, 'link', {});
		const bbox = event.selection.event!.bbox;
		expect(moves).toEqual([
			'jump 7/55.75/37.6',
			`frame ${bbox.join(',')}`,
			`frame ${shell.bbox.join(',')}`
		]);
		expect(shown).toEqual([]);
	});

	it('ignores the navigations the page makes itself, and says when an event is missing', () => {
		const page = wirePage(shell, parts, '#t=2015-11-20..2015-11-27');
		const { cam, moves } = camera();
		afterNavigation(page, cam, 'goto', { missing: 'no-such-event' });
		expect(page.url.notices).toEqual([]);
		afterNavigation(page, cam, 'enter', { missing: 'no-such-event' });
		expect(page.url.notices.join(' ')).toContain('no-such-event');
		expect(page.url.state.time).toEqual({ from: '2015-11-20', to: '2015-11-27' });
		expect(moves).toEqual([]);
	});
});

describe('afterHashChange', () => {
	it('a new passage is shown and focused; a typed view moves the map; the same view does not', () => {
		const page = wirePage(shell, parts, '#map=4/40/30');
		page.url.read();
		const { cam, moves } = camera();
		page.loc.hash = '#map=4/40/30&passage=p3';
		afterHashChange(page, cam);
		expect(shown).toEqual([{ id: 'p3', focus: true }]);
		expect(moves).toEqual([]);
		page.loc.hash = '#map=6/48.86/2.35&passage=p3';
		afterHashChange(page, cam);
		expect(moves).toEqual(['jump 6/48.86/2.35']);
		expect(shown).toHaveLength(1);
	});

	it('an event page’s hash change reopens its popup, as its link opened cold does', () => {
		const page = wirePage(shell, parts, '', '/events/sinai-crash/');
		page.url.read();
		expect(page.selection.popupOpen).toBe(false);
		page.loc.hash = '#layers=events';
		afterHashChange(page, undefined);
		expect(page.selection.popupOpen).toBe(true);
		expect(page.url.state.layers).toEqual(['events']);
	});
});
