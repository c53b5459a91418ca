/**
 * The static build, read from disk (no browser): every page carries the head tags a shared
 * link unfurls with (title, description, canonical, Open Graph, Twitter card), with absolute
 * URLs, every preview image they name exists as a 1200×630 PNG, and every link between pages
 * leads to a file. Run by `npm run test:e2e` right after it builds (`vitest --project build`).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';

const BUILD = 'build';
/** What the build was made for: `SITE_URL` as the build reads it, else its default. */
const SITE = (process.env.SITE_URL?.trim() || 'http://localhost:4173').replace(/\/+$/, '');

const events = (
	JSON.parse(readFileSync('geo/events.json', 'utf8')) as { events: { id: string; title: string }[] }
).events;

interface Tag {
	name: string;
	attrs: Record<string, string>;
}

function decodeEntities(s: string): string {
	return s.replace(/&(#x[0-9a-f]+|#\d+|amp|quot|lt|gt|apos);/gi, (_, e: string) => {
		const lower = e.toLowerCase();
		if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16));
		if (lower.startsWith('#')) return String.fromCodePoint(parseInt(lower.slice(1), 10));
		return { amp: '&', quot: '"', lt: '<', gt: '>', apos: "'" }[lower]!;
	});
}

/** The `<head>` of a prerendered page: its `<title>` text and its meta and link tags. */
function readHead(file: string) {
	const html = readFileSync(file, 'utf8');
	const head = /<head>([\s\S]*?)<\/head>/i.exec(html)?.[1] ?? '';
	const titles = [...head.matchAll(/<title>([\s\S]*?)<\/title>/gi)].map((m) =>
		decodeEntities(m[1])
	);
	const tags: Tag[] = [...head.matchAll(/<(meta|link)\b([^>]*)>/gi)].map((m) => ({
		name: m[1].toLowerCase(),
		attrs: Object.fromEntries(
			[...m[2].matchAll(/([^\s=/]+)="([^"]*)"/g)].map((a) => [
				a[1].toLowerCase(),
				decodeEntities(a[2])
			])
		)
	}));
	/** The content of the one meta tag with this name or property (fails on none or several). */
	const meta = (key: string) => {
		const found = tags.filter(
			(t) => t.name === 'meta' && (t.attrs.property === key || t.attrs.name === key)
		);
		expect(found, `${file}: exactly one <meta> ${key}`).toHaveLength(1);
		const content = found[0].attrs.content ?? '';
		expect(content.trim(), `${file}: ${key} has a value`).not.toBe('');
		return content;
	};
	const canonical = () => {
		const found = tags.filter((t) => t.name === 'link' && t.attrs.rel === 'canonical');
		expect(found, `${file}: exactly one canonical link`).toHaveLength(1);
		return found[0].attrs.href ?? '';
	};
	return { html, titles, meta, canonical };
}

/** Width and height from a PNG's IHDR chunk (the first chunk, right after the signature). */
function pngSize(file: string): { width: number; height: number } {
	const b = readFileSync(file);
	const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
	expect(b.subarray(0, 8).equals(signature), `${file} is a PNG`).toBe(true);
	expect(b.toString('latin1', 12, 16), `${file}: IHDR first`).toBe('IHDR');
	return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/** Every prerendered page to check: `/` and each `/events/<id>/`. */
function pages(): { urlPath: string; file: string; imageId: string }[] {
	const dir = path.join(BUILD, 'events');
	if (!existsSync(dir)) throw new Error(`${dir} is missing: build the site first (npm run build)`);
	const ids = readdirSync(dir).filter((d) => existsSync(path.join(dir, d, 'index.html')));
	return [
		{ urlPath: '/', file: path.join(BUILD, 'index.html'), imageId: 'story' },
		...ids.sort().map((id) => ({
			urlPath: `/events/${id}/`,
			file: path.join(dir, id, 'index.html'),
			imageId: id
		}))
	];
}

describe('the static build unfurls', () => {
	test('there is a prerendered page for every event of the story', () => {
		const built = pages()
			.filter((p) => p.urlPath !== '/')
			.map((p) => p.imageId);
		expect(built.sort()).toEqual(events.map((e) => e.id).sort());
	});

	test('every link between pages leads to a file of the site', () => {
		const broken: string[] = [];
		const files = (dir: string): string[] =>
			readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
				d.isDirectory() ? files(path.join(dir, d.name)) : [path.join(dir, d.name)]
			);
		for (const file of files(BUILD).filter((f) => f.endsWith('.html'))) {
			const html = readFileSync(file, 'utf8');
			for (const [, href] of html.matchAll(/<a [^>]*href="(\/[^"#?]*)/g)) {
				const target = path.join(BUILD, decodeURIComponent(href));
				const ok = href.endsWith('/')
					? existsSync(path.join(target, 'index.html'))
					: existsSync(target) || existsSync(`${target}.html`);
				if (!ok) broken.push(`${path.relative(BUILD, file)} → ${href}`);
			}
		}
		expect(broken).toEqual([]);
	});

	for (const { urlPath, file, imageId } of pages()) {
		test(`${urlPath} has a title, description, canonical link and card tags`, () => {
			const { titles, meta, canonical } = readHead(file);
			expect(titles, 'one <title>').toHaveLength(1);
			expect(titles[0].trim()).not.toBe('');

			const description = meta('description');
			expect(Array.from(description).length).toBeLessThanOrEqual(200);
			expect(meta('og:description')).toBe(description);
			expect(meta('twitter:description')).toBe(description);

			// Absolute URLs on the site's origin, naming this very page.
			const url = meta('og:url');
			expect(canonical()).toBe(url);
			const parsed = new URL(url);
			expect(parsed.protocol).toMatch(/^https?:$/);
			expect(`${parsed.origin}`).toBe(SITE);
			expect(parsed.pathname).toBe(urlPath);
			expect(parsed.search + parsed.hash).toBe('');

			expect(meta('og:type')).toMatch(/^(website|article)$/);
			meta('og:site_name');
			const title = meta('og:title');
			expect(meta('twitter:title')).toBe(title);
			expect(titles[0]).toContain(title);
			expect(meta('twitter:card')).toBe('summary_large_image');

			// The preview image: absolute, this page's own, and a 1200×630 PNG in the build.
			const image = meta('og:image');
			expect(meta('twitter:image')).toBe(image);
			expect(image).toBe(`${SITE}/og/${imageId}.png`);
			expect(meta('og:image:width')).toBe('1200');
			expect(meta('og:image:height')).toBe('630');
			meta('og:image:alt');
			const png = path.join(BUILD, 'og', `${imageId}.png`);
			expect(existsSync(png), `${png} exists`).toBe(true);
			expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
			expect(statSync(png).size).toBeLessThan(300 * 1024);
		});
	}

	test('event pages say which event they are about', () => {
		for (const event of events) {
			const { titles, meta } = readHead(path.join(BUILD, 'events', event.id, 'index.html'));
			expect(meta('og:title')).toBe(event.title);
			expect(titles[0].startsWith(event.title)).toBe(true);
		}
	});

	test('every page has its own picture', () => {
		const hashes = pages().map(({ imageId }) =>
			createHash('sha256')
				.update(readFileSync(path.join(BUILD, 'og', `${imageId}.png`)))
				.digest('hex')
		);
		expect(new Set(hashes).size).toBe(hashes.length);
	});
});
