/**
 * The embed views and what points at them, as the build wrote them: an embed page for every
 * page, each telling search engines to index its full page instead; an oEmbed record for
 * every page with a preview image, linked from that page, whose snippet frames the embed
 * view with absolute URLs on the site (`SITE_URL`); and the host's `_headers`.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { OEmbed } from '$lib/embed/snippet';

const BUILD = 'build';
const shell = JSON.parse(readFileSync(path.join(BUILD, 'story/shell.json'), 'utf8')) as {
	siteUrl: string;
	pageLimit: number;
};
const events = (
	JSON.parse(readFileSync('geo/events.json', 'utf8')) as { events: { id: string }[] }
).events;
const html = (p: string) => readFileSync(path.join(BUILD, p, 'index.html'), 'utf8');
const attr = (tag: string, name: string) => new RegExp(`${name}="([^"]*)"`).exec(tag)?.[1];

describe('embed views and oEmbed', () => {
	const pages = ['/', ...events.map((e) => `/events/${e.id}/`)];

	test.each(pages)('%s has an embed view that defers to it, and an oEmbed record', (page) => {
		const embed = html(`/embed${page}`);
		expect(embed).toContain('<meta name="robots" content="noindex"');
		expect(embed).toContain(`<link rel="canonical" href="${shell.siteUrl}${page}"`);

		const link = /<link rel="alternate" type="application\/json\+oembed"[^>]*>/.exec(html(page));
		expect(link, 'oEmbed link').not.toBeNull();
		const href = attr(link![0], 'href')!;
		expect(href.startsWith(`${shell.siteUrl}/oembed/`)).toBe(true);
		const file = path.join(BUILD, new URL(href).pathname);
		expect(existsSync(file)).toBe(true);

		const record = JSON.parse(readFileSync(file, 'utf8')) as OEmbed;
		expect(record).toMatchObject({ version: '1.0', type: 'rich' });
		expect(record.width).toBeGreaterThan(0);
		expect(record.height).toBeGreaterThan(0);
		expect(record.title.length).toBeGreaterThan(0);
		const src = attr(record.html, 'src');
		expect(src).toBe(`${shell.siteUrl}/embed${page}`);
		expect(record.html).toContain(`<script src="${shell.siteUrl}/embed.js" async></script>`);
		for (const url of [record.provider_url, record.thumbnail_url]) {
			expect(new URL(url).origin).toBe(shell.siteUrl);
		}
		expect(existsSync(path.join(BUILD, new URL(record.thumbnail_url).pathname))).toBe(true);
	});

	test('the host headers file and the resize script are served from the site', () => {
		const headers = readFileSync(path.join(BUILD, '_headers'), 'utf8');
		expect(headers).toContain("frame-ancestors 'none'");
		expect(headers).toMatch(/^\/embed\/\*\n {2}Content-Security-Policy: frame-ancestors \*$/m);
		expect(existsSync(path.join(BUILD, 'embed.js'))).toBe(true);
	});
});
