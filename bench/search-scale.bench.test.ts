/**
 * `npm run bench:search`: search at 100,000 events. A synthetic story (an event and a feature
 * for each, titles from a few kinds and Syrian places, the real article) is indexed as the
 * build does (in its parts), serialised, loaded as the browser does, and queried; the median
 * of 7 runs per query is printed with the index's size. Not a test of the app's behaviour: a measurement,
 * kept out of `npm run test:unit` (it takes about 30 s).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { it } from 'vitest';
import { loadStory } from '$lib/story/load';
import { summarise, type StorySummary } from '$lib/story/summary';
import type { CompiledProperties } from '$lib/story/compiled';
import { buildSearchParts } from '$lib/search/documents';
import { SearchEngine } from '$lib/search/engine';
import { storyYear } from '$lib/search/parts';

const EVENTS = Number(process.env.SEARCH_BENCH_EVENTS ?? 100_000);
const PLACES = ['Raqqa', 'Aleppo', 'Idlib', 'Homs', 'Latakia', 'Deir ez-Zor', 'Palmyra', 'Mosul'];
const MORE = ['Kobani', 'Yayladağı', 'Jarabulus', 'Hasakah', 'Damascus', 'Tartus', 'Hama', 'Daraa'];
const KINDS = ['airstrike', 'attack', 'crash', 'diplomacy', 'shootdown'];
const QUERIES = [
	'raqqa',
	'yayladagi',
	'bataclam',
	'aleppo 12345',
	'hollande putin',
	'13 nov',
	'airstrike near aleppo',
	'synthetic'
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function syntheticSummary(real: StorySummary): StorySummary {
	const places = [...PLACES, ...MORE];
	const events: StorySummary['events'] = [];
	const features: StorySummary['features'] = {};
	for (let i = 0; i < EVENTS; i++) {
		const kind = KINDS[i % KINDS.length];
		const place = places[(i * 7) % places.length];
		const date = `2015-${String(1 + (Math.floor(i / 28) % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
		const [id, fid] = [`ev-${i}`, `f-${i}`];
		events.push({
			id,
			title: `${kind} near ${place} ${i}`,
			date,
			place: `${place}, Syria`,
			summary: `A synthetic ${kind} event ${i}.`,
			passages: ['p1'],
			feature: fid,
			bbox: [0, 0, 0, 0],
			featureIds: [fid],
			start: date,
			end: date
		});
		features[fid] = {
			fid,
			layer: 'incidents',
			event: id,
			title: `${kind} site ${i}`,
			kind,
			date,
			country: 'Syria',
			passages: ['p1'],
			quote: 'x',
			precision: 'exact',
			sources: [{ title: 'Synthetic data' }]
		} satisfies CompiledProperties;
	}
	return { ...real, events, features };
}

it(`search at ${EVENTS.toLocaleString('en')} events`, async () => {
	const real = summarise(loadStory(path.resolve('geo')));
	const summary = syntheticSummary(real);
	let t = performance.now();
	const files = buildSearchParts(summary).map((p) => JSON.stringify(p));
	const buildMs = performance.now() - t;
	t = performance.now();
	// As the browser does: every part parsed and loaded, in parallel.
	const parts = await Promise.all(files.map((f) => SearchEngine.loadPart(JSON.parse(f))));
	const engine = new SearchEngine(parts, storyYear(real.article.date), real.article.passages);
	const loadMs = performance.now() - t;
	const gzip = files.map((f) => gzipSync(f).length);
	const rows = QUERIES.map((q) => {
		const times: number[] = [];
		let total = 0;
		for (let k = 0; k < 7; k++) {
			const s = performance.now();
			total = engine.search(q).total;
			times.push(performance.now() - s);
		}
		return { query: q, medianMs: median(times), results: total };
	});
	const medianMs = median(rows.map((r) => r.medianMs));
	const mb = (n: number) => (n / 1e6).toFixed(1);
	console.log(
		[
			`${EVENTS.toLocaleString('en')} events: index in ${files.length} parts, ` +
				`${mb(files.reduce((n, f) => n + f.length, 0))} MB, ` +
				`${mb(gzip.reduce((n, g) => n + g, 0))} MB gzip (largest part ${mb(Math.max(...gzip))} MB gzip); ` +
				`built in ${Math.round(buildMs)} ms, parsed and loaded in ${Math.round(loadMs)} ms`,
			...rows.map(
				(r) =>
					`  ${JSON.stringify(r.query).padEnd(24)} ${r.medianMs.toFixed(1).padStart(7)} ms  ${r.results} results`
			),
			`  median over the queries: ${medianMs.toFixed(1)} ms`
		].join('\n')
	);
	// `npm run bench` reads the figures from here for its table.
	if (process.env.SEARCH_BENCH_OUT)
		writeFileSync(
			process.env.SEARCH_BENCH_OUT,
			JSON.stringify({
				events: EVENTS,
				parts: files.length,
				gzipMB: Number(mb(gzip.reduce((n, g) => n + g, 0))),
				largestPartGzipMB: Number(mb(Math.max(...gzip))),
				loadMs: Math.round(loadMs),
				medianMs: Number(medianMs.toFixed(1)),
				queries: rows
			})
		);
}, 600_000);
