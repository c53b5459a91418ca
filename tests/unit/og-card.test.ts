/** Preview images as SVG: composition, projection, text as outlines, wrapping. */
import path from 'node:path';
import sharp from 'sharp';
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Point } from 'geojson';
import { positionsOf } from '$lib/geo/coordinates';
import type { CompiledFeature, CompiledStory } from '$lib/story/compiled';
import { loadStory } from '$lib/story/load';
import { cardFor, cardIds, eventCard, storyCard, STORY_CARD_ID } from '$lib/server/og/cards';
import {
	fitProjection,
	forD3,
	MARK_CELL,
	MIN_SPAN_DEGREES,
	pathData,
	visibleBBox
} from '$lib/server/og/card-map';
import { composeOgSvg, OG_HEIGHT, OG_WIDTH, type OgCard } from '$lib/server/og/compose';
import { loadCardFonts } from '$lib/server/og/fonts';
import { defaultAssets } from '$lib/server/og/render';
import { cleanText, fitLine, measureText, wrapText } from '$lib/server/og/text-paths';

const fixture = path.resolve('tests/fixtures/story/valid');
let valid: CompiledStory;
let geo: CompiledStory;
const assets = defaultAssets();
const fonts = loadCardFonts();

beforeAll(() => {
	valid = loadStory(fixture);
	geo = loadStory(path.resolve('geo'));
});

/** The `d` of the element with this id, or undefined. */
function pathById(svg: string, id: string): string | undefined {
	return new RegExp(`<path id="${id}" d="([^"]*)"`).exec(svg)?.[1];
}

/** Bounds of path data made of absolute commands whose numbers are all x y pairs. */
function pathBBox(d: string) {
	const n = (d.match(/-?\d+(?:\.\d+)?/g) ?? []).map(Number);
	const xs = n.filter((_, i) => i % 2 === 0);
	const ys = n.filter((_, i) => i % 2 === 1);
	return { x0: Math.min(...xs), x1: Math.max(...xs), y0: Math.min(...ys), y1: Math.max(...ys) };
}

function bandTop(svg: string): number {
	return Number(/<rect id="band" x="0" y="([\d.]+)"/.exec(svg)![1]);
}

/** Every element name in the document. */
function elementNames(svg: string): string[] {
	return [...svg.matchAll(/<([a-zA-Z][\w:-]*)/g)].map((m) => m[1].toLowerCase());
}

function card(overrides: Partial<OgCard> = {}): OgCard {
	return { ...eventCard(valid, 'sinai-crash')!, ...overrides };
}

describe('composeOgSvg', () => {
	test('gives an SVG document of 1200×630 that a rasteriser reads', async () => {
		const svg = composeOgSvg(card(), assets);
		expect(
			svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630"')
		).toBe(true);
		expect(svg).toContain('viewBox="0 0 1200 630"');
		expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
		const meta = await sharp(Buffer.from(svg)).metadata();
		expect(meta).toMatchObject({ format: 'svg', width: OG_WIDTH, height: OG_HEIGHT });
	});

	test('draws the title, subtitle and credit as paths, never as <text>', () => {
		const svg = composeOgSvg(card(), assets);
		const names = new Set(elementNames(svg));
		expect([...names].sort()).toEqual(['circle', 'g', 'path', 'rect', 'svg']);
		for (const id of ['title', 'subtitle', 'credit']) {
			expect(pathById(svg, id), id).toMatch(/^M[\d.]+ [\d.]+/);
		}
		// The title sits in the band, inside the margins, and is as wide as the font says.
		const box = pathBBox(pathById(svg, 'title')!);
		expect(box.y0).toBeGreaterThan(bandTop(svg));
		expect(box.y1).toBeLessThan(OG_HEIGHT);
		expect(box.x0).toBeGreaterThanOrEqual(50);
		expect(box.x1).toBeLessThanOrEqual(OG_WIDTH - 50);
		const width = measureText(fonts.bold, 'Crash in the Sinai', 46);
		expect(box.x1 - box.x0).toBeGreaterThan(width * 0.9);
		expect(box.x1 - box.x0).toBeLessThan(width * 1.02);
	});

	test('different titles give different outlines', () => {
		const a = pathById(composeOgSvg(card({ title: 'Talks' }), assets), 'title');
		const b = pathById(composeOgSvg(card({ title: 'Tanks' }), assets), 'title');
		expect(a).not.toEqual(b);
	});

	test('draws the basemap: land, coasts and borders', () => {
		const svg = composeOgSvg(card(), assets);
		for (const id of ['land', 'coasts', 'borders'])
			expect(pathById(svg, id)?.length, id).toBeGreaterThan(100);
	});

	test('never puts data text into the markup: a hostile title becomes outlines only', async () => {
		const hostile = card({
			title: '</path><script>alert("x")</script><text x="0">pwned</text> & "quotes" \u202e',
			subtitle: '<img src=x onerror=alert(1)> ]]> <!-- -->'
		});
		hostile.features = hostile.features.map((f) => ({
			...f,
			properties: { ...f.properties, label: '<script>alert(2)</script>', title: '"><g>' }
		})) as CompiledFeature[];
		const svg = composeOgSvg(hostile, assets);
		for (const bad of [
			'script',
			'alert',
			'pwned',
			'onerror',
			'<text',
			'<img',
			'<!--',
			']]>',
			'&'
		]) {
			expect(svg, bad).not.toContain(bad);
		}
		expect(new Set(elementNames(svg))).toEqual(new Set(['svg', 'rect', 'path', 'g', 'circle']));
		// Every attribute value is a number, path data, a colour or a fixed keyword.
		for (const [, name, value] of svg.matchAll(/ ([\w:-]+)="([^"]*)"/g)) {
			expect(value, name).toMatch(
				/^(?:[-\d., MLQCZ]*|#[0-9a-fA-F]{3,8}|round|none|[\w]+|http:\/\/www\.w3\.org\/2000\/svg)$/
			);
		}
		const meta = await sharp(Buffer.from(svg)).metadata();
		expect(meta.width).toBe(OG_WIDTH);
	});

	test('survives odd input: the whole world, no features, scripts the font lacks', async () => {
		const svg = composeOgSvg(
			card({
				title: '世界 🌍 \u0000 مرحبا Ж',
				subtitle: '',
				bbox: [-180, -85, 180, 85],
				features: []
			}),
			assets
		);
		expect(svg).not.toContain('NaN');
		const meta = await sharp(Buffer.from(svg)).metadata();
		expect(meta).toMatchObject({ width: OG_WIDTH, height: OG_HEIGHT });
	});

	test('wraps a long title to two lines with an ellipsis, inside the frame', () => {
		const long =
			'A very long title about a great many things that happened in a great many places over many weeks, told at length';
		const svg = composeOgSvg(card({ title: long }), assets);
		const box = pathBBox(pathById(svg, 'title')!);
		expect(box.x1).toBeLessThanOrEqual(OG_WIDTH - 50);
		// Two lines: the title is taller than one line of 46 px type.
		expect(box.y1 - box.y0).toBeGreaterThan(46 * 1.5);
		expect(box.y1).toBeLessThan(OG_HEIGHT);
		// The map leaves room for the taller band.
		expect(bandTop(svg)).toBeLessThan(bandTop(composeOgSvg(card(), assets)));
	});
});

describe('text as outlines', () => {
	const max = 600;

	test('wrapText keeps short text on one line', () => {
		expect(wrapText(fonts.bold, 'Paris attacks', 46, max, 2)).toEqual(['Paris attacks']);
	});

	test('wrapText breaks at words, fills two lines and ellipsises the rest', () => {
		const text =
			'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen';
		const lines = wrapText(fonts.bold, text, 46, max, 2);
		expect(lines).toHaveLength(2);
		expect(lines[0]).toMatch(/^one two three/);
		expect(lines[0].endsWith(' ')).toBe(false);
		expect(lines[1].endsWith('…')).toBe(true);
		for (const line of lines) expect(measureText(fonts.bold, line, 46)).toBeLessThanOrEqual(max);
		// Nothing is lost before the ellipsis: the lines are the text's beginning.
		expect(text.startsWith(`${lines[0]} ${lines[1].slice(0, -1)}`)).toBe(true);
	});

	test('wrapText breaks a word longer than a line', () => {
		const lines = wrapText(fonts.bold, 'x'.repeat(200), 46, max, 2);
		expect(lines).toHaveLength(2);
		expect(lines[0]).toMatch(/^x+$/);
		for (const line of lines) expect(measureText(fonts.bold, line, 46)).toBeLessThanOrEqual(max);
	});

	test('fitLine ellipsises only when needed', () => {
		expect(fitLine(fonts.regular, 'Short', 26, max)).toBe('Short');
		const cut = fitLine(fonts.regular, 'word '.repeat(80), 26, max);
		expect(cut.endsWith('…')).toBe(true);
		expect(measureText(fonts.regular, cut, 26)).toBeLessThanOrEqual(max);
	});

	test('cleanText drops control and bidi characters and collapses spaces', () => {
		expect(cleanText(' a\u0000b\u202e  c\n\td\u200b ')).toBe('ab c d');
	});

	test('draws Latin, Cyrillic and Greek from Noto Sans subsets', () => {
		for (const char of ['é', 'Ж', 'Ω', 'ş']) {
			expect(fonts.regular.fontFor(char).hasChar(char), char).toBe(true);
		}
	});
});

describe('the map', () => {
	const frame = { x: 0, y: 0, width: OG_WIDTH, height: 450 };
	const CONTEXT = new Set(['border', 'flight-path-unflown', 'place']);

	test.each(['valid', 'geo'] as const)(
		'every event of the %s story has its points inside the frame',
		(which) => {
			const story = which === 'valid' ? valid : geo;
			for (const event of story.events) {
				const projection = fitProjection(event.bbox, frame);
				// What the event is framed on: all but context, unless context is all it has.
				const own = eventCard(story, event.id)!.features;
				const main = own.filter((f) => !CONTEXT.has(f.properties.kind));
				const features = main.length > 0 ? main : own;
				expect(features.length, event.id).toBeGreaterThan(0);
				for (const f of features) {
					for (const { position } of positionsOf(f.geometry)) {
						const [x, y] = projection(position as [number, number])!;
						expect(x, `${event.id} ${f.id}`).toBeGreaterThanOrEqual(frame.x);
						expect(x, `${event.id} ${f.id}`).toBeLessThanOrEqual(frame.width);
						expect(y, `${event.id} ${f.id}`).toBeGreaterThanOrEqual(frame.y);
						expect(y, `${event.id} ${f.id}`).toBeLessThanOrEqual(frame.height);
					}
				}
			}
		}
	);

	test('a single point is framed with its region around it, centred', () => {
		const projection = fitProjection([36.2, 36, 36.2, 36], frame);
		const [x, y] = projection([36.2, 36])!;
		expect(x).toBeCloseTo(frame.width / 2, 0);
		expect(y).toBeCloseTo(frame.height / 2, 0);
		const [w, , e] = visibleBBox(projection, frame);
		expect(e - w).toBeCloseTo(MIN_SPAN_DEGREES, 1);
	});

	test('the composed SVG marks every event point that falls inside the map', () => {
		for (const event of [...valid.events, ...geo.events]) {
			const story = valid.events.includes(event) ? valid : geo;
			const c = eventCard(story, event.id)!;
			const svg = composeOgSvg(c, assets);
			const circles = [...svg.matchAll(/<circle cx="([\d.-]+)" cy="([\d.-]+)"/g)].map((m) => [
				Number(m[1]),
				Number(m[2])
			]);
			const map = { x: 0, y: 0, width: OG_WIDTH, height: bandTop(svg) };
			const projection = fitProjection(c.bbox, map);
			const points = c.features.filter((f) => f.geometry.type === 'Point');
			const inside = points.filter((f) => {
				const [x, y] = projection((f.geometry as Point).coordinates as [number, number])!;
				return x >= 0 && x <= map.width && y >= 0 && y <= map.height;
			});
			// The event's own markers (not context like a far-off airport) are all inside.
			expect(
				points.filter((f) => !CONTEXT.has(f.properties.kind)).every((f) => inside.includes(f)),
				event.id
			).toBe(true);
			// One circle per point, but points of one look within a few pixels share one.
			expect(circles.length, event.id).toBeLessThanOrEqual(inside.length);
			for (const f of inside) {
				const [x, y] = projection((f.geometry as Point).coordinates as [number, number])!;
				const near = circles.some(([cx, cy]) => Math.hypot(cx - x, cy - y) <= MARK_CELL);
				expect(near, `${event.id} ${f.id}`).toBe(true);
			}
			for (const [x, y] of circles) {
				expect(x).toBeGreaterThan(0);
				expect(x).toBeLessThan(OG_WIDTH);
				expect(y).toBeGreaterThan(0);
				expect(y).toBeLessThan(bandTop(svg));
			}
		}
	});

	test("a story's worth of features draws in elements bounded by the frame, not the story", () => {
		// 200,000 points, lines and areas over a region: the SVG renderer stops at 1,000,000
		// elements, which a 1,000,000-event story's card passed.
		const base = geo.layers.flatMap((l) => l.data.features as CompiledFeature[]);
		const point = base.find((f) => f.geometry.type === 'Point')!;
		const line = base.find((f) => f.geometry.type === 'LineString')!;
		const area = base.find((f) => f.geometry.type === 'Polygon')!;
		let seed = 7;
		const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
		const at = (): [number, number] => [30 + random() * 20, 28 + random() * 12];
		const features: CompiledFeature[] = [];
		for (let i = 0; i < 200_000; i++) {
			const [x, y] = at();
			features.push({ ...point, id: `p${i}`, geometry: { type: 'Point', coordinates: [x, y] } });
			if (i % 20 === 0)
				features.push({
					...line,
					id: `l${i}`,
					geometry: { type: 'LineString', coordinates: [[x, y], at()] }
				});
			if (i % 20 === 10)
				features.push({
					...area,
					id: `a${i}`,
					geometry: {
						type: 'Polygon',
						coordinates: [
							[
								[x, y],
								[x + 0.1, y],
								[x + 0.1, y + 0.1],
								[x, y]
							]
						]
					}
				});
		}
		const c: OgCard = { ...storyCard(geo), bbox: [30, 28, 50, 40], features };
		const svg = composeOgSvg(c, assets);
		const circles = svg.match(/<circle /g)?.length ?? 0;
		const paths = svg.match(/<path /g)?.length ?? 0;
		expect(circles).toBeLessThan((OG_WIDTH * OG_HEIGHT) / MARK_CELL ** 2);
		expect(circles).toBeLessThan(200_000);
		// The basemap's and the text's paths, and one or two per look of line and area.
		expect(paths).toBeLessThan(100);
	});

	test('path data is cut into pieces of bounded length, in order, losing nothing', () => {
		fc.assert(
			fc.property(
				fc.array(fc.string({ minLength: 1, maxLength: 30 })),
				fc.integer({ min: 1, max: 60 }),
				(outlines, max) => {
					const pieces = pathData(outlines, max);
					expect(pieces.join('')).toBe(outlines.join(''));
					// A piece passes the bound only when it is one outline that does alone.
					for (const p of pieces) expect(p.length <= max || outlines.includes(p)).toBe(true);
					expect(pieces.length).toBeLessThanOrEqual(outlines.length);
				}
			)
		);
	});

	test('rewinds RFC 7946 polygons for d3 (exterior clockwise) without mutating them', () => {
		const ring = [
			[0, 0],
			[1, 0],
			[1, 1],
			[0, 1],
			[0, 0]
		];
		const polygon = { type: 'Polygon' as const, coordinates: [ring] };
		const rewound = forD3(polygon);
		expect(rewound).toEqual({ type: 'Polygon', coordinates: [[...ring].reverse()] });
		expect(polygon.coordinates[0]).toEqual(ring);
		// Already clockwise: unchanged.
		expect(forD3(rewound)).toEqual(rewound);
	});
});

describe('cards', () => {
	test('one per event and one for the story', () => {
		expect(cardIds(valid)).toEqual([...valid.events.map((e) => e.id), STORY_CARD_ID]);
		expect(cardFor(valid, 'no-such-event')).toBeUndefined();
		expect(cardFor(valid, STORY_CARD_ID)).toEqual(storyCard(valid));
	});

	test("an event's card holds its features only, its uncertainty circles included", () => {
		const c = eventCard(geo, 'su24-shootdown')!;
		expect(c.features.every((f) => f.properties.event === 'su24-shootdown')).toBe(true);
		expect(c.features.some((f) => f.properties.kind === 'uncertainty')).toBe(true);
		expect(c.title).toBe(geo.events.find((e) => e.id === 'su24-shootdown')!.title);
		expect(c.subtitle).toMatch(/^24 Nov 2015 · /);
	});
});
