/**
 * The embed pieces that are pure: paths between full pages and embed views, the snippet a
 * newsroom pastes (every value escaped, whatever the headline says), the height messages in
 * their three forms, and the oEmbed record.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DOMParser, type Element as XmlElement } from '@xmldom/xmldom';
import {
	EMBED_HEIGHT,
	EMBED_WIDTH,
	embedPath,
	fullPath,
	heightMessages,
	isEmbedPath
} from '$lib/embed/embed';
import { embedSnippet, oembedRecord } from '$lib/embed/snippet';

describe('embed paths', () => {
	it('map full pages to embed views and back', () => {
		expect(embedPath('/')).toBe('/embed/');
		expect(embedPath('/events/su24-shootdown/')).toBe('/embed/events/su24-shootdown/');
		expect(embedPath('/embed/events/x/')).toBe('/embed/events/x/');
		expect(fullPath('/embed/')).toBe('/');
		expect(fullPath('/embed/events/x/')).toBe('/events/x/');
		expect(fullPath('/events/x/')).toBe('/events/x/');
		expect(isEmbedPath('/embedded/')).toBe(false);
		expect(() => embedPath('events/x/')).toThrow(/root-relative/);
	});

	it('round-trip any full page path', () => {
		fc.assert(
			fc.property(fc.webPath(), (p) => {
				const path = p.startsWith('/') ? p : `/${p}`;
				fc.pre(!isEmbedPath(path));
				expect(fullPath(embedPath(path))).toBe(path);
			})
		);
	});
});

/** The snippet read back by an HTML parser (xmldom's): the iframe's and the script's attributes. */
function readSnippet(html: string) {
	const doc = new DOMParser().parseFromString(`<div>${html}</div>`, 'text/html');
	const iframe = doc.getElementsByTagName('iframe')[0];
	const script = doc.getElementsByTagName('script')[0];
	const attrs = (el: XmlElement) =>
		Object.fromEntries(Array.from(el.attributes, (a) => [a.name, a.value]));
	return { iframe: attrs(iframe), script: attrs(script), root: doc.documentElement };
}

/** What XML 1.0 cannot hold even as a reference (escapeXml writes U+FFFD instead). */
// eslint-disable-next-line no-control-regex -- those characters are the point
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

describe('embedSnippet', () => {
	it('is an iframe with title, lazy loading, clipboard, a height and a fluid width, and our script', () => {
		const html = embedSnippet({
			src: 'https://maps.example.org/embed/events/su24-shootdown/#t=2015-11-20..2015-11-27',
			title: 'Russian jet shot down',
			origin: 'https://maps.example.org'
		});
		const { iframe, script } = readSnippet(html);
		expect(iframe).toEqual({
			src: 'https://maps.example.org/embed/events/su24-shootdown/#t=2015-11-20..2015-11-27',
			title: 'Russian jet shot down',
			height: String(EMBED_HEIGHT),
			loading: 'lazy',
			allow: 'clipboard-write',
			style: 'width:100%;border:0'
		});
		expect(script).toMatchObject({ src: 'https://maps.example.org/embed.js' });
		expect(Object.keys(script).sort()).toEqual(['async', 'src']);
		// No inline script: the script element has no content.
		expect(html).toContain('async></script>');
	});

	it('keeps any title and address as attribute text: nothing else is made of them', () => {
		fc.assert(
			fc.property(
				fc.string({ unit: 'grapheme' }),
				fc.string({ unit: 'grapheme' }),
				(title, hash) => {
					const src = `https://maps.example.org/embed/#${hash}`;
					const html = embedSnippet({ src, title, origin: 'https://maps.example.org' });
					const { iframe, root } = readSnippet(html);
					// Exactly two elements, whatever the text.
					expect(root?.getElementsByTagName('*').length).toBe(2);
					// What XML cannot hold at all becomes U+FFFD (escapeXml); everything else reads back.
					expect(iframe.title).toBe(title.replace(NOT_XML, '\uFFFD'));
				}
			)
		);
	});
});

describe('heightMessages', () => {
	it('says the height in our form, Pym.js’s and AMP’s, rounded up', () => {
		const [ours, pym, amp] = heightMessages(512.3, 'https://maps.example.org/embed/', 'map1');
		expect(ours).toEqual({
			type: 'conflict-map:height',
			height: 513,
			src: 'https://maps.example.org/embed/'
		});
		expect(pym).toBe('pymxPYMxmap1xPYMxheightxPYMx513');
		expect(amp).toEqual({ sentinel: 'amp', type: 'embed-size', height: 513 });
	});
});

describe('oembedRecord', () => {
	const record = oembedRecord({
		site: 'https://maps.example.org',
		path: '/events/su24-shootdown/',
		title: 'Russian jet shot down',
		providerName: 'Conflict map',
		thumbnail: { url: 'https://maps.example.org/og/su24-shootdown.png', width: 1200, height: 630 }
	});

	it('is a "rich" record with sizes and the embed view’s snippet, every URL absolute', () => {
		expect(record).toMatchObject({
			version: '1.0',
			type: 'rich',
			title: 'Russian jet shot down',
			provider_name: 'Conflict map',
			provider_url: 'https://maps.example.org/',
			width: EMBED_WIDTH,
			height: EMBED_HEIGHT,
			thumbnail_url: 'https://maps.example.org/og/su24-shootdown.png',
			thumbnail_width: 1200,
			thumbnail_height: 630
		});
		const { iframe, script } = readSnippet(record.html);
		expect(iframe.src).toBe('https://maps.example.org/embed/events/su24-shootdown/');
		expect(script.src).toBe('https://maps.example.org/embed.js');
		for (const url of [record.provider_url, record.thumbnail_url, iframe.src, script.src]) {
			expect(new URL(url).origin).toBe('https://maps.example.org');
		}
	});
});
