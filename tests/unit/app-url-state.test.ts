import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UrlState, type Navigation } from '$lib/app/url-state.svelte';

/** A fake address bar and SvelteKit navigation that write into it, recording each write. */
function harness(hash = '', pathname = '/') {
	const loc = { origin: 'https://example.org', pathname, search: '', hash };
	const writes: { kind: string; url: string }[] = [];
	const move = (kind: string) => (url: string) => {
		writes.push({ kind, url });
		const u = new URL(url, loc.origin);
		loc.pathname = u.pathname;
		loc.hash = u.hash;
	};
	const nav: Navigation = {
		replaceState: move('replace'),
		pushState: move('push'),
		goto: async (url) => move('goto')(url)
	};
	const url = new UrlState({
		nav,
		context: () => ({
			passageIds: ['p1', 'p2'],
			layerIds: ['sites', 'events', 'places'],
			minZoom: 1,
			maxZoom: 18
		}),
		defaultLayers: () => ['sites', 'events', 'places'],
		location: () => loc
	});
	return { url, loc, writes };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('UrlState', () => {
	it('reads the link: usable values into the state, the rest into notices', () => {
		const { url } = harness('#t=2015-11-20..2015-11-27&layers=nowhere,events&passage=p99');
		url.read();
		expect(url.state).toEqual({
			time: { from: '2015-11-20', to: '2015-11-27' },
			layers: ['events']
		});
		expect(url.notices).toHaveLength(2);
		expect(url.notices[0]).toMatch(/^Ignored “layers” in the link: unknown layer "nowhere"/);
		url.dismiss();
		expect(url.notices).toEqual([]);
	});

	it('writes changes once, after the throttle, with replaceState', () => {
		const { url, loc, writes } = harness();
		url.read();
		url.update({ passage: 'p1' });
		url.update({ passage: 'p2' });
		url.update({ passage: 'p2', time: { from: '2015-11-20' } });
		expect(writes).toEqual([]);
		vi.advanceTimersByTime(299);
		expect(writes).toEqual([]);
		vi.advanceTimersByTime(1);
		expect(writes).toEqual([{ kind: 'replace', url: '/#passage=p2&t=2015-11-20..' }]);
		expect(loc.hash).toBe('#passage=p2&t=2015-11-20..');
	});

	it('does not write what the address bar already says', () => {
		const { url, writes } = harness('#passage=p1');
		url.update(url.read());
		vi.runAllTimers();
		expect(url.commit()).toBe('https://example.org/#passage=p1');
		expect(writes).toEqual([]);
	});

	it('leaves layers= out when the default set is shown', () => {
		const { url } = harness();
		expect(url.href({ layers: ['places', 'sites', 'events'] })).toBe('/');
		expect(url.href({ layers: [] })).toBe('/#layers=');
	});

	it('keeps hash keys that are not ours, in place, through every write', () => {
		const { url, loc, writes } = harness('#theirs=1&passage=p1&other=a%2Fb');
		url.read();
		url.update({ passage: 'p2', time: { to: '2015-11-27' } });
		vi.runAllTimers();
		expect(loc.hash).toBe('#theirs=1&passage=p2&other=a%2Fb&t=..2015-11-27');
		url.push({ time: { to: '2015-11-27' } });
		expect(loc.hash).toBe('#theirs=1&other=a%2Fb&t=..2015-11-27');
		expect(writes.map((w) => w.kind)).toEqual(['replace', 'push']);
		// Links in the page carry exactly their own state.
		expect(url.link('/events/x/', { passage: 'p1' })).toBe('/events/x/#passage=p1');
	});

	it('commit writes a waiting change at once and returns the address to share', () => {
		const { url, writes } = harness('#passage=p1');
		url.read();
		url.update({ passage: 'p2' });
		expect(url.commit()).toBe('https://example.org/#passage=p2');
		vi.runAllTimers();
		expect(writes).toHaveLength(1);
	});

	it('navigates with goto, cancelling a waiting write', async () => {
		const { url, loc, writes } = harness('#passage=p1');
		url.read();
		url.update({ passage: 'p2' });
		await url.navigate('/events/x/', { passage: 'p1' });
		vi.runAllTimers();
		expect(writes).toEqual([{ kind: 'goto', url: '/events/x/#passage=p1' }]);
		expect(loc.pathname).toBe('/events/x/');
		expect(url.state).toEqual({ passage: 'p1' });
	});

	it('an unknown event in the path is a notice too, quoted safely', () => {
		const { url } = harness('#passage=zz');
		url.read();
		url.notifyMissing(`x\u202E${'y'.repeat(200)}`);
		expect(url.notices).toEqual([
			'Ignored “passage” in the link: "zz" is not a passage of this article.',
			`There is no event “x\uFFFD${'y'.repeat(78)}…” in this story: showing the whole story.`
		]);
	});
});
