// @ts-check
/**
 * Synthetic stories for the scale benchmark: N events in the geo/ format (geo/README.md), valid
 * for the story loader, so the app builds them exactly as it builds a real article.
 *
 * One feature per event, mostly points (a clustered and an unclustered layer), some routes and
 * areas, ~5 % approximate points (so the loader derives uncertainty circles, as in the real
 * story) and one "probe" point that the benchmark hovers and clicks. Every position is sampled
 * inside the Natural Earth 1:10m country it names (the loader rejects anything else), and every
 * quote is cut from its passage, so the loader has nothing to complain about.
 *
 * Deterministic (seeded): the same N gives the same files, so builds can be cached.
 *
 * Usage: node bench/synthetic-story.js 1000 [outDir]
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { feature } from 'topojson-client';
import { booleanPointInPolygon } from '@turf/turf';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));

/** Bumped when the generator changes, so cached stories and builds are redone. */
export const GENERATOR_VERSION = 2;

/** Countries the random features fall in: the region of the real article. */
const COUNTRIES = ['Syria', 'Iraq', 'Turkey', 'Iran', 'Saudi Arabia'];
/**
 * The probe sits alone in Egypt's Western Desert, ~8° from the nearest other feature, so no
 * cluster or label covers it at the story's framing and hovering it has one answer.
 */
export const PROBE = {
	id: 'probe-site',
	event: 'probe-event',
	lngLat: [27.5, 25.5],
	country: 'Egypt'
};

const PASSAGES = [
	'Fighting was reported near the border crossing on Monday, local officials said.',
	'An air strike hit a fuel depot outside the city, according to a monitoring group.',
	'Diplomats met in the capital to discuss a ceasefire, a foreign ministry spokesman said.',
	'Smugglers moved oil by truck across the desert, the defence ministry alleged.',
	'A military transport aircraft came down in a remote area, killing everyone on board.',
	'The air base was expanded over the summer to host more aircraft, satellite images showed.'
];
/** Per passage: its quote (a verbatim substring) and the kinds of point it stands for. */
const QUOTES = [
	{ quote: 'near the border crossing', kinds: ['attack'] },
	{ quote: 'An air strike hit a fuel depot', kinds: ['airstrike'] },
	{ quote: 'discuss a ceasefire', kinds: ['diplomacy'] },
	{ quote: 'Smugglers moved oil by truck', kinds: ['smuggling-route', 'oil-field'] },
	{ quote: 'came down in a remote area', kinds: ['crash', 'shootdown'] },
	{ quote: 'The air base was expanded', kinds: ['airbase'] }
];

/** mulberry32: a tiny seeded PRNG, so stories are reproducible. */
function rng(/** @type {number} */ seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Natural Earth 1:10m polygons of the countries used, with their bboxes. */
function loadCountries() {
	const topology = require('world-atlas/countries-10m.json');
	/** @type {Map<string, { geometry: any; bbox: number[] }>} */
	const out = new Map();
	for (const g of topology.objects.countries.geometries) {
		const name = g.properties?.name;
		if (![...COUNTRIES, PROBE.country].includes(name)) continue;
		const f = /** @type {any} */ (feature(/** @type {any} */ (topology), /** @type {any} */ (g)));
		const rings = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
		let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
		for (const poly of rings)
			for (const [x, y] of poly[0]) {
				w = Math.min(w, x);
				e = Math.max(e, x);
				s = Math.min(s, y);
				n = Math.max(n, y);
			}
		out.set(name, { geometry: f.geometry, bbox: [w, s, e, n] });
	}
	return out;
}

const round4 = (/** @type {number} */ x) => Math.round(x * 1e4) / 1e4;

/**
 * Synthetic story files for `n` events, as { fileName: object }.
 * @param {number} n
 */
export function syntheticStory(n) {
	const random = rng(n * 7919 + GENERATOR_VERSION);
	const countries = loadCountries();
	const pick = (/** @type {any[]} */ xs) => xs[Math.floor(random() * xs.length)];
	const inside = (/** @type {number[]} */ p, /** @type {string} */ c) =>
		booleanPointInPolygon(p, /** @type {any} */ (countries.get(c)).geometry);
	/** A random position inside the country, rounded to 4 decimals (≤ 6 allowed). */
	const pointIn = (/** @type {string} */ c) => {
		const [w, s, e, n] = /** @type {any} */ (countries.get(c)).bbox;
		for (;;) {
			const p = [round4(w + random() * (e - w)), round4(s + random() * (n - s))];
			if (inside(p, c)) return p;
		}
	};
	/** A short line from a random start, every vertex checked inside the country. */
	const lineIn = (/** @type {string} */ c) => {
		for (;;) {
			const start = pointIn(c);
			const pts = [start];
			for (let i = 1; i < 4; i++) {
				const prev = pts[i - 1];
				pts.push([
					round4(prev[0] + 0.3 + random() * 0.3),
					round4(prev[1] + (random() - 0.5) * 0.4)
				]);
			}
			if (pts.every((p) => inside(p, c))) return pts;
		}
	};
	/** A small counter-clockwise square (RFC 7946 exterior ring), every vertex inside. */
	const squareIn = (/** @type {string} */ c) => {
		for (;;) {
			const [x, y] = pointIn(c);
			const d = round4(0.1 + random() * 0.2);
			const ring = [
				[x, y],
				[round4(x + d), y],
				[round4(x + d), round4(y + d)],
				[x, round4(y + d)],
				[x, y]
			];
			if (ring.every((p) => inside(p, c))) return [ring];
		}
	};

	const pad = (/** @type {number} */ i) => String(i).padStart(6, '0');
	const events = [];
	/** @type {Record<string, any[]>} */
	const layers = { incidents: [], sites: [], routes: [], areas: [], probe: [] };
	const day = (/** @type {number} */ i) => {
		const d = new Date(Date.UTC(2015, 0, 1) + (i % 330) * 86_400_000);
		return d.toISOString().slice(0, 10);
	};
	for (let i = 1; i <= n; i++) {
		const isProbe = i === 1;
		const eventId = isProbe ? PROBE.event : `e-${pad(i)}`;
		const r = random();
		// Mostly points: 70 % clustered incidents, 20 % sites, 7 % routes, 3 % areas.
		const layer = isProbe
			? 'probe'
			: r < 0.7
				? 'incidents'
				: r < 0.9
					? 'sites'
					: r < 0.97
						? 'routes'
						: 'areas';
		const passageIndex =
			layer === 'routes' || layer === 'areas'
				? 3
				: layer === 'sites'
					? pick([2, 5])
					: pick([0, 1, 4]);
		const { quote, kinds } = QUOTES[passageIndex];
		const kind =
			layer === 'routes' ? 'smuggling-route' : layer === 'areas' ? 'oil-field' : pick(kinds);
		const country = isProbe ? PROBE.country : pick(COUNTRIES);
		const geometry = isProbe
			? { type: 'Point', coordinates: PROBE.lngLat }
			: layer === 'routes'
				? { type: 'LineString', coordinates: lineIn(country) }
				: layer === 'areas'
					? { type: 'Polygon', coordinates: squareIn(country) }
					: { type: 'Point', coordinates: pointIn(country) };
		const approximate = geometry.type === 'Point' && !isProbe && random() < 0.05;
		const passage = `p${passageIndex + 1}`;
		const title = isProbe ? 'Probe site' : `Synthetic ${kind.replace('-', ' ')} ${i}`;
		events.push({
			id: eventId,
			title,
			date: day(i),
			place: country,
			summary: `A synthetic event for the scale benchmark (${kind}).`,
			passages: [passage]
		});
		layers[layer].push({
			type: 'Feature',
			id: isProbe ? PROBE.id : `f-${pad(i)}`,
			geometry,
			properties: {
				event: eventId,
				title,
				kind,
				date: day(i),
				country,
				passages: [passage],
				quote,
				precision: approximate ? 'approximate' : 'exact',
				...(approximate ? { uncertaintyKm: 5 + Math.round(random() * 20) } : {}),
				...(kind === 'smuggling-route' ? { claimedBy: 'A defence ministry' } : {}),
				sources: [{ title: 'Synthetic data' }]
			}
		});
	}
	const meta = {
		incidents: { title: 'Incidents', order: 50, cluster: true },
		sites: { title: 'Sites', order: 40 },
		routes: { title: 'Routes', order: 20 },
		areas: { title: 'Areas', order: 10 },
		probe: { title: 'Probe', order: 90 }
	};
	/** @type {Record<string, unknown>} */
	const files = {
		'article.json': {
			headline: `A synthetic story of ${n} events`,
			date: '2015-11-27',
			displayDate: '27/11/2015',
			byline: 'By The Benchmark',
			authors: ['The Benchmark'],
			source: 'Synthetic Wire',
			language: 'en',
			passages: PASSAGES.map((text, i) => ({ id: `p${i + 1}`, text }))
		},
		'events.json': { events }
	};
	for (const [id, features] of Object.entries(layers)) {
		if (features.length === 0) continue;
		files[`${id}.geojson`] = {
			type: 'FeatureCollection',
			...meta[/** @type {keyof typeof meta} */ (id)],
			features
		};
	}
	return files;
}

/** The folder a story of N events is written to. */
export const storyDirFor = (/** @type {number} */ n) => path.join(here, 'tmp', `story-${n}`);

/**
 * Write the story of N events (skipped when the same generator version already wrote it).
 * @param {number} n
 * @param {string} [dir]
 * @returns {string} the story folder
 */
export function writeSyntheticStory(n, dir = storyDirFor(n)) {
	const stamp = path.join(dir, '.generator');
	const want = `${GENERATOR_VERSION}:${n}`;
	if (existsSync(stamp) && readFileSync(stamp, 'utf8') === want) return dir;
	mkdirSync(dir, { recursive: true });
	for (const [name, value] of Object.entries(syntheticStory(n))) {
		writeFileSync(path.join(dir, name), JSON.stringify(value));
	}
	writeFileSync(stamp, want);
	return dir;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const n = Number(process.argv[2] ?? 1000);
	const started = Date.now();
	const dir = writeSyntheticStory(n, process.argv[3] ? path.resolve(process.argv[3]) : undefined);
	console.log(`synthetic story of ${n} events in ${dir} (${Date.now() - started} ms)`);
}
