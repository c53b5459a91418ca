// @ts-check
/**
 * `npm run bench`: the app against a bare MapLibre page with the same data, in Chromium
 * (software WebGL), then the same at 1,000 / 10,000 / 100,000 synthetic events.
 * Method and latest results: BENCHMARKS.md. Results: bench/results.json.
 *
 *   npm run bench                      main story (1 warm-up + 5 pairs) and scale
 *   npm run bench -- --quick           3 pairs, no scale (about 3 minutes)
 *   npm run bench -- --pairs 9         more pairs for the main story
 *   npm run bench -- --sizes 1000      scale sizes to run; `10000t` is 10,000 events with every
 *                                      layer as vector tiles (the others are all GeoJSON)
 *   npm run bench -- --lighthouse      also Lighthouse (performance, accessibility)
 *   npm run bench -- --prepare         only build the scale sites, with no time budget
 *                                      (a 1,000-event build takes ~5 min; cached after)
 *   npm run bench -- --rebuild         ignore cached scale builds
 *
 * The whole run keeps to a time budget (9 min by default, `--budget <s>`): a scale build
 * that does not fit is stopped and recorded as such, with how far it got.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../scripts/chromium.js';
import { makeBarePage, makeBarePageFromStory } from './bare-page.js';
import { buildMain, buildStorySite, mainBuildIsStale, root, tmp } from './build.js';
import { lighthouse } from './lighthouse.js';
import { measureHover, measureLoad, pixelOf, VIEWPORT } from './measure.js';
import { budgets, figuresOf, markdownTable, summarise, textTable } from './report.js';
import { startSite, summariseRequests } from './server.js';
import { PROBE, writeSyntheticStory } from './synthetic-story.js';

const argv = process.argv.slice(2);
const flag = (/** @type {string} */ name) => argv.includes(`--${name}`);
const option = (/** @type {string} */ name, /** @type {string} */ fallback) => {
	const i = argv.indexOf(`--${name}`);
	return i >= 0 && argv[i + 1] ? argv[i + 1] : fallback;
};
const quick = flag('quick');

/**
 * A scale size: `100000` is that many events with every layer as GeoJSON, `100000t` with
 * every layer as vector tiles (`STORY_TILE_THRESHOLD` 0), so the two are measured side by side
 * and the default threshold is chosen from them (BENCHMARKS.md).
 * @typedef {{ n: number; tiled: boolean }} ScaleSize
 * @returns {ScaleSize}
 */
function scaleSize(/** @type {string} */ text) {
	const m = /^(\d+)(t?)$/.exec(text.trim());
	if (!m) throw new Error(`--sizes: “${text}” is not a number of events (with t for tiles)`);
	return { n: Number(m[1]), tiled: m[2] === 't' };
}
/** A GeoJSON variant's threshold: above any story's size. */
const NEVER_TILED = 1e12;
const scaleDir = (/** @type {ScaleSize} */ s) =>
	path.join(tmp, `build-${s.n}${s.tiled ? '-tiles' : ''}`);
const scaleName = (/** @type {ScaleSize} */ s) =>
	`${s.n.toLocaleString('en')} events${s.tiled ? ', tiles' : ''}`;
const opts = {
	pairs: Number(option('pairs', quick ? '3' : '5')),
	scale: !quick && !flag('no-scale'),
	sizes: option('sizes', '1000,10000,10000t,100000,100000t').split(',').map(scaleSize),
	lighthouse: flag('lighthouse'),
	prepare: flag('prepare'),
	rebuild: flag('rebuild'),
	// Measuring stops here; writing results and closing take a few seconds more.
	budgetS: Number(option('budget', '540'))
};
const started = Date.now();
const deadline = started + opts.budgetS * 1000;
const secondsLeft = () => (deadline - Date.now()) / 1000;
const log = (/** @type {string} */ s) => console.log(s);

/** The probe of the real story: its Metrojet crash site (a lone circle), else its first non-label point. */
function mainProbe(/** @type {string} */ siteDir) {
	/** @type {number[] | undefined} */
	let first;
	for (const f of ['events', 'sites', 'claims']) {
		const file = path.join(siteDir, 'data', `${f}.geojson`);
		if (!existsSync(file)) continue;
		for (const feat of JSON.parse(readFileSync(file, 'utf8')).features) {
			if (feat.geometry?.type !== 'Point' || feat.properties.kind === 'place') continue;
			if (feat.id === 'metrojet-9268-crash-site')
				return { id: feat.id, lngLat: feat.geometry.coordinates };
			first ??= feat.geometry.coordinates;
		}
	}
	if (!first) throw new Error('no point feature to probe in the built story');
	return { id: 'first point', lngLat: first };
}

/** gzip size of MapLibre's own JS (main + worker), what "on top of MapLibre" is measured from. */
function maplibreJsGzipKB() {
	const dist = path.join(root, 'node_modules/maplibre-gl/dist');
	return (
		['maplibre-gl.mjs', 'maplibre-gl-worker.mjs'].reduce(
			(n, f) => n + gzipSync(readFileSync(path.join(dist, f))).length,
			0
		) / 1000
	);
}

/**
 * Measure app and bare page, interleaved: warm-up, then pairs (app load, bare load, app
 * hover, bare hover), each in a fresh context. `app` null: the bare page alone.
 * @param {import('@playwright/test').Browser} browser
 * @param {{ app: import('./server.js').Site | null; bare: import('./server.js').Site; probe: number[]; pairs: number; clicks: number; timeoutMs: number; until: number; defaultBox: number[] }} o
 */
async function compare(browser, o) {
	/** @type {Record<string, { path: string; loads: any[]; hovers: any[]; errors: string[]; at?: import('./measure.js').Pixel }>} */
	const sides = {};
	if (o.app) sides.app = { path: '/', loads: [], hovers: [], errors: [] };
	sides.bare = { path: `/?box=${o.defaultBox.join(',')}`, loads: [], hovers: [], errors: [] };
	const site = (/** @type {string} */ name) => (name === 'app' ? o.app : o.bare);

	/** A failed run is recorded (its first line) and measured as missing. */
	const noteError = (/** @type {string} */ name, /** @type {unknown} */ e) =>
		sides[name].errors.push(
			String(/** @type {Error} */ (e).message)
				.split('\n')[0]
				.slice(0, 300)
		);
	const load = async (/** @type {string} */ name) => {
		const s = /** @type {import('./server.js').Site} */ (site(name));
		s.log.length = 0;
		try {
			const r = await measureLoad(browser, s.origin + sides[name].path, {
				probe: o.probe,
				clicks: o.clicks,
				timeoutMs: o.timeoutMs
			});
			// The first load: what was asked for before the map's first idle (by the time a
			// request arrives, not when the bench noticed the idle: code the page fetches just
			// after its first view is not first-load code).
			const first = s.log.filter((e) => e.at <= r.idleEpoch);
			return { ...r, bytes: summariseRequests(s, first) };
		} catch (e) {
			noteError(name, e);
			return null;
		}
	};
	const hover = async (/** @type {string} */ name) => {
		const s = /** @type {import('./server.js').Site} */ (site(name));
		const at = sides[name].at;
		if (!at) return null;
		try {
			return await measureHover(browser, s.origin + sides[name].path, {
				at,
				timeoutMs: o.timeoutMs
			});
		} catch (e) {
			noteError(name, e);
			return null;
		}
	};

	// Warm-up: also where the app's map sits (the bare page copies it) and where the probe is.
	// The bare page alone (the app failed to build) skips it: the browser is warm by then and
	// the first measured load tells where the probe is.
	for (const name of o.app ? Object.keys(sides) : []) {
		const r = await load(name);
		if (!r) continue;
		if (name === 'app') sides.bare.path = `/?box=${r.view.box.join(',')}`;
		sides[name].at = pixelOf(r.view, o.probe);
		log(
			`  warm-up ${name}: idle ${Math.round(r.idleMs)} ms, probe at ${sides[name].at.x},${sides[name].at.y}`
		);
	}
	if (sides.app && !sides.app.at) {
		log(`  app failed to load: ${sides.app.errors[0]}`);
		delete sides.app; // keep measuring the bare page: it says what MapLibre alone does
	}
	// Neither page drew its map once: each pair would only wait out its timeouts again (three
	// minutes a load at a million events).
	const pairs = o.app && !sides.app && !sides.bare.at ? 0 : o.pairs;
	if (pairs < o.pairs) log(`  the bare page failed to load too: ${sides.bare.errors[0]}; no pairs`);
	for (let i = 0; i < pairs; i++) {
		const t = Date.now();
		for (const name of Object.keys(sides)) {
			const r = await load(name);
			sides[name].loads.push(r);
			if (r && !sides[name].at) sides[name].at = pixelOf(r.view, o.probe);
		}
		for (const name of Object.keys(sides)) sides[name].hovers.push(await hover(name));
		const line = Object.entries(sides)
			.map(
				([n, s]) =>
					`${n} ${Math.round(s.loads[i]?.idleMs ?? NaN)}/${Math.round(s.hovers[i]?.hoverMs ?? NaN)} ms`
			)
			.join(', ');
		log(`  pair ${i + 1}: first map/hover ${line} (${((Date.now() - t) / 1000).toFixed(0)} s)`);
		// Keep to the time budget: stop once another pair would not fit.
		if (i + 1 < pairs && Date.now() + (Date.now() - t) > o.until) {
			log(`  stopping after ${i + 1} pairs to keep to the time budget`);
			break;
		}
	}
	const figures = {
		app: sides.app ? figuresOf(sides.app.loads, sides.app.hovers) : null,
		bare: figuresOf(sides.bare.loads, sides.bare.hovers)
	};
	return {
		pairs: sides.bare.loads.length,
		summary: summarise(figures.app ?? /** @type {any} */ (null), figures.bare),
		firstMapMs: {
			app: figures.app?.firstMapMs.map(Math.round),
			bare: figures.bare.firstMapMs.map(Math.round)
		},
		bytes: {
			app: sides.app?.loads.find(Boolean)?.bytes.by,
			bare: sides.bare.loads.find(Boolean)?.bytes.by
		},
		errors: { app: sides.app?.errors ?? [], bare: sides.bare.errors },
		appBox: sides.bare.path.replace('/?box=', '').split(',').map(Number)
	};
}

/** Machine and browser, for the record. */
function machine(/** @type {string} */ browserVersion) {
	const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
	return {
		cpus: cpus().length,
		cpu: /model name\s*:\s*(.*)/.exec(cpuinfo)?.[1] ?? cpus()[0]?.model,
		chromium: browserVersion,
		node: process.version,
		viewport: `${VIEWPORT.width}×${VIEWPORT.height}`,
		// Other work on the machine skews every figure: recorded so a noisy run can be told apart.
		loadAverageAtStart: loadavg().map((x) => Math.round(x * 10) / 10)
	};
}

async function main() {
	if (opts.prepare) {
		// Build (and cache) the scale sites with no time budget, for later runs.
		for (const size of opts.sizes) {
			const n = size.n;
			const r = await buildStorySite({
				storyDir: writeSyntheticStory(n),
				buildDir: scaleDir(size),
				events: n,
				tileThreshold: size.tiled ? 0 : NEVER_TILED,
				timeoutS: Number(option('build-timeout', '3600')),
				maxBytes: Number(option('max-gb', '8')) * 1e9,
				force: opts.rebuild,
				log
			});
			log(`${scaleName(size)}: ${r.ok ? `built in ${r.seconds} s` : `failed: ${r.error}`}`);
		}
		return;
	}

	const stale = mainBuildIsStale();
	let mainBuildS = null;
	if (stale) {
		log(`Building the site (${stale})…`);
		mainBuildS = buildMain();
		log(`  built in ${mainBuildS.toFixed(0)} s`);
	}
	const siteDir = path.join(root, 'build');
	const bareMain = path.join(tmp, 'bare-main');
	await makeBarePage({ siteDir, outDir: bareMain });
	const probe = mainProbe(siteDir);

	const browser = await chromium.launch({
		executablePath: findChromium(),
		args: CHROMIUM_ARGS,
		headless: true
	});
	const results = {
		date: new Date().toISOString(),
		machine: { ...machine(browser.version()), loadAverageAtEnd: /** @type {number[]} */ ([]) },
		options: { pairs: opts.pairs, warmups: 1, clicksPerRun: 3, scale: opts.scale },
		maplibreJsGzipKB: Math.round(maplibreJsGzipKB() * 10) / 10,
		/** @type {any} */ main: null,
		/** @type {any[]} */ scale: [],
		/** @type {any} */ budgets: null,
		/** @type {any} */ lighthouse: null,
		/** @type {any} */ search: null,
		measureSeconds: 0
	};
	const app = await startSite(siteDir);
	const bare = await startSite(bareMain);
	try {
		log(
			`\nMain story (${path.relative(root, siteDir)}/): ${opts.pairs} pairs, probe ${probe.id} [${probe.lngLat}]`
		);
		const scaleReserve = opts.scale ? Math.min(330, secondsLeft() * 0.55) : 0;
		results.main = {
			...(await compare(browser, {
				app,
				bare,
				probe: probe.lngLat,
				pairs: opts.pairs,
				clicks: 3,
				timeoutMs: 60_000,
				until: deadline - scaleReserve * 1000,
				defaultBox: [0, 0, VIEWPORT.width, VIEWPORT.height]
			})),
			buildSeconds: mainBuildS
		};
		log('\n' + textTable(results.main.summary));

		// Within what the scale runs leave (it takes about 30 s; never more than 10 minutes).
		results.search = searchAt100k(Math.min(600, Math.max(60, secondsLeft() - scaleReserve)));

		if (opts.scale) {
			const sizes = opts.sizes;
			for (const [k, size] of sizes.entries()) {
				results.scale.push(await scaleStep(browser, size, sizes.length - k, results.main.appBox));
			}
		}

		results.measureSeconds = Math.round((Date.now() - started) / 1000);
		if (opts.lighthouse) {
			log(`\nMeasurements took ${results.measureSeconds} s.`);
			log('\nLighthouse (app: / and /events/sinai-crash/, bare page: /)…');
			results.lighthouse = [];
			/** @type {[import('./server.js').Site, string][]} */
			const pages = [
				[app, '/'],
				[app, '/events/sinai-crash/'],
				[bare, '/']
			];
			for (const [s, p] of pages) {
				for (const ff of /** @type {const} */ (['desktop', 'mobile'])) {
					try {
						const r = await lighthouse(s.origin + p, ff);
						results.lighthouse.push({ page: s === bare ? 'bare' : 'app', ...r });
						log(
							`  ${s === bare ? 'bare' : 'app'} ${p} ${ff}: performance ${r.performance}, accessibility ${r.accessibility} (FCP ${r.fcpMs} ms, LCP ${r.lcpMs} ms, TBT ${r.tbtMs} ms)`
						);
					} catch (e) {
						results.lighthouse.push({
							page: s === bare ? 'bare' : 'app',
							url: p,
							formFactor: ff,
							error: String(e).slice(0, 300)
						});
					}
				}
			}
		} else {
			// Keep the last Lighthouse figures (a slow, optional step) with their date.
			const prev = readPrevious();
			if (prev?.lighthouse)
				results.lighthouse = {
					from: prev.lighthouseDate ?? prev.date,
					runs: prev.lighthouse.runs ?? prev.lighthouse
				};
		}
	} finally {
		await browser.close();
		await app.close();
		await bare.close();
	}
	if (Array.isArray(results.lighthouse))
		results.lighthouse = { from: results.date, runs: results.lighthouse };

	results.machine.loadAverageAtEnd = loadavg().map((x) => Math.round(x * 10) / 10);
	results.budgets = budgets(results);
	log('\nBudgets');
	for (const b of results.budgets) log(`  ${b.verdict.padEnd(4)}  ${b.name}: ${b.value}`);
	if (results.scale.length) {
		log('\nScale');
		log(scaleText(results.scale));
	}
	writeFileSync(
		path.join(root, 'bench', 'results.json'),
		JSON.stringify(results, null, '\t') + '\n'
	);
	updateBenchmarksMd(results);
	log(
		`\nResults in bench/results.json; BENCHMARKS.md updated. Took ${((Date.now() - started) / 1000).toFixed(0)} s.`
	);
}

/**
 * Search at 100,000 events (`npm run bench:search`, bench/search-scale.bench.test.ts): the
 * index built in its parts as the site's build does, loaded as the browser does, queried. In
 * Node, not the browser: the figure is the query's own time, the same code either way.
 * @returns {any} its figures, or `{ error }` (a run that takes longer than `timeoutS` too)
 */
function searchAt100k(/** @type {number} */ timeoutS) {
	log('\nSearch at 100,000 events (npm run bench:search)…');
	const out = path.join(tmp, 'search.json');
	rmSync(out, { force: true });
	const run = spawnSync(
		path.join(root, 'node_modules', '.bin', 'vitest'),
		['run', '--project', 'bench'],
		{
			cwd: root,
			env: { ...process.env, SEARCH_BENCH_OUT: out, SEARCH_BENCH_EVENTS: '100000' },
			encoding: 'utf8',
			timeout: timeoutS * 1000
		}
	);
	if (run.status !== 0 || !existsSync(out)) {
		const why = `${run.error ?? ''}${run.stderr ?? ''}${run.stdout ?? ''}`.trim().split('\n');
		log(`  failed: ${why.slice(-3).join(' ')}`);
		return { error: why.slice(-1)[0]?.slice(0, 300) ?? 'no output' };
	}
	const r = JSON.parse(readFileSync(out, 'utf8'));
	log(
		`  index in ${r.parts} parts, ${r.gzipMB} MB gzip (largest ${r.largestPartGzipMB} MB), loaded in ${r.loadMs} ms; query median ${r.medianMs} ms`
	);
	return r;
}

/**
 * One scale size: generate, build (watched, cached), measure app and bare, or the bare page
 * alone when the app cannot be built.
 * @param {import('@playwright/test').Browser} browser
 * @param {ScaleSize} size
 * @param {number} sizesLeft this one included
 * @param {number[]} appBox
 */
async function scaleStep(browser, size, sizesLeft, appBox) {
	const n = size.n;
	log(`\nScale: ${scaleName(size)}`);
	const storyDir = writeSyntheticStory(n);
	const storyBytes = ['incidents', 'sites', 'routes', 'areas', 'probe', 'events', 'article'].reduce(
		(sum, f) => {
			const p = path.join(
				storyDir,
				f === 'events' || f === 'article' ? `${f}.json` : `${f}.geojson`
			);
			return sum + (existsSync(p) ? statSync(p).size : 0);
		},
		0
	);
	// This size's share of what is left, of which the build may take what measuring does not need.
	const share = secondsLeft() / sizesLeft;
	const measureReserve = n >= 100_000 ? 100 : 70;
	const timeoutS = Math.max(
		0,
		Math.round(Math.min(Number(option('build-timeout', '900')), share - measureReserve))
	);
	const buildDir = scaleDir(size);
	const build = await buildStorySite({
		storyDir,
		buildDir,
		events: n,
		tileThreshold: size.tiled ? 0 : NEVER_TILED,
		timeoutS,
		maxBytes: Number(option('max-gb', '8')) * 1e9,
		force: opts.rebuild,
		log: () => {}
	});
	log(
		build.ok
			? `  app built in ${build.seconds} s${build.stale ? ` (STALE: a cached build of ${build.date.slice(0, 16)}; the sources changed since and there is no time to rebuild: run \`npm run bench -- --prepare\`)` : build.cached ? ' (cached build)' : ''}: site ${mb(build.siteBytes)}, index.html ${mb(build.indexHtmlBytes)}`
			: `  app build FAILED after ${build.seconds} s${build.cached ? ' (cached result)' : ''}: ${build.error}`
	);
	const bareDir = path.join(tmp, `bare-${n}${size.tiled ? '-tiles' : ''}`);
	// The bare page is MapLibre with the story's GeoJSON: a tiled site has none to lend it.
	if (build.ok && !size.tiled) await makeBarePage({ siteDir: buildDir, outDir: bareDir });
	else
		await makeBarePageFromStory({
			storyDir,
			generatedDir: path.join(root, 'build', 'generated'),
			outDir: bareDir
		});
	const appSite = build.ok ? await startSite(buildDir) : null;
	const bareSite = await startSite(bareDir);
	try {
		// A pair at 100,000 takes about a minute here: none at all rather than a blown budget.
		const enough = secondsLeft() > (n >= 100_000 ? 60 : 30);
		if (!enough) log('  not measured: no time left in the budget');
		const pairs = !enough ? 0 : n >= 100_000 ? 2 : 3;
		const cmp = await compare(browser, {
			app: appSite,
			bare: bareSite,
			probe: PROBE.lngLat,
			pairs,
			clicks: 3,
			timeoutMs: n >= 100_000 ? 180_000 : 120_000,
			until: Date.now() + Math.max(30, share - build.seconds * (build.cached ? 0 : 1)) * 1000,
			defaultBox: appBox
		});
		log(textTable(cmp.summary));
		return {
			events: n,
			tiled: size.tiled,
			storyMB: Math.round(storyBytes / 1e5) / 10,
			build,
			app: build.ok ? { error: cmp.errors.app[0] } : { error: `build failed: ${build.error}` },
			...cmp
		};
	} finally {
		await appSite?.close();
		await bareSite.close();
	}
}

function readPrevious() {
	const file = path.join(root, 'bench', 'results.json');
	try {
		return JSON.parse(readFileSync(file, 'utf8'));
	} catch {
		return null;
	}
}

const mb = (/** @type {number | undefined} */ b) =>
	b === undefined ? '' : b >= 1e9 ? `${(b / 1e9).toFixed(1)} GB` : `${(b / 1e6).toFixed(1)} MB`;

/** One line per size: how each figure grows. */
function scaleRows(/** @type {any[]} */ scale) {
	const v = (/** @type {any} */ s, /** @type {string} */ k, /** @type {'app' | 'bare'} */ side) =>
		s.summary[k][side]?.median ?? 'n/a';
	return scale.map((s) => ({
		events: `${s.events.toLocaleString('en')}${s.tiled ? ' tiles' : ''}`,
		build: s.build.ok
			? `${s.build.seconds} s, ${mb(s.build.siteBytes)}${s.build.stale ? ` (stale build of ${s.build.date.slice(0, 10)})` : ''}`
			: `FAILED (${s.build.phase}, ${s.build.seconds} s)`,
		// The home page is prerendered first, so its size is known even from a stopped build.
		html: [
			s.build.indexHtmlBytes ? mb(s.build.indexHtmlBytes) : '',
			s.build.projectedBytes ? `(site → ${mb(s.build.projectedBytes)} projected)` : ''
		]
			.join(' ')
			.trim(),
		firstMap: `${v(s, 'firstMapMs', 'app')} / ${v(s, 'firstMapMs', 'bare')}`,
		hover: `${v(s, 'hoverMs', 'app')} / ${v(s, 'hoverMs', 'bare')}`,
		popup: `${v(s, 'popupMs', 'app')} / ${v(s, 'popupMs', 'bare')}`,
		p95: `${v(s, 'frameP95Ms', 'app')} / ${v(s, 'frameP95Ms', 'bare')}`,
		heap: `${v(s, 'heapMB', 'app')} / ${v(s, 'heapMB', 'bare')}`,
		gzip: `${v(s, 'allGzipKB', 'app')} / ${v(s, 'allGzipKB', 'bare')}`,
		longTask: `${s.summary.longTaskAfterLoadMs.app?.max ?? 'n/a'} / ${s.summary.longTaskAfterLoadMs.bare?.max ?? 'n/a'}`
	}));
}
const SCALE_HEAD = [
	'events',
	'app build',
	'index.html',
	'first map ms',
	'hover ms',
	'popup ms',
	'frame p95 ms',
	'heap MB',
	'first load KB gz',
	'max long task ms'
];

function scaleText(/** @type {any[]} */ scale) {
	const rows = [SCALE_HEAD, ...scaleRows(scale).map((r) => Object.values(r))];
	const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
	return (
		'(app / bare)\n' +
		rows.map((r) => r.map((c, i) => String(c).padEnd(widths[i])).join('  ')).join('\n')
	);
}

function scaleMarkdown(/** @type {any[]} */ scale) {
	const rows = scaleRows(scale);
	return [
		`| ${SCALE_HEAD.join(' | ')} |`,
		`|${SCALE_HEAD.map(() => ' --- ').join('|')}|`,
		...rows.map((r) => `| ${Object.values(r).join(' | ')} |`)
	].join('\n');
}

/** Rewrite the generated part of BENCHMARKS.md (between its markers) with these results. */
function updateBenchmarksMd(/** @type {any} */ r) {
	const file = path.join(root, 'BENCHMARKS.md');
	if (!existsSync(file)) return;
	const text = readFileSync(file, 'utf8');
	const start = '<!-- bench:results -->';
	const end = '<!-- /bench:results -->';
	if (!text.includes(start) || !text.includes(end)) return;
	const m = r.machine;
	const lines = [
		start,
		`_Generated by \`npm run bench\` on ${r.date.slice(0, 16).replace('T', ' ')} UTC: ${m.cpus} × ${m.cpu}, Chromium ${m.chromium} (SwiftShader), Node ${m.node}, viewport ${m.viewport}; load average ${m.loadAverageAtStart[0]} at the start, ${m.loadAverageAtEnd[0]} at the end._`,
		'',
		`**Main story** (geo/), ${r.main.pairs} pairs after 1 warm-up, cold cache each run:`,
		'',
		markdownTable(r.main.summary),
		'',
		`MapLibre's own JS (dist main + worker): ${r.maplibreJsGzipKB} KB gzip.`,
		'',
		'**Budgets**',
		'',
		...r.budgets.map(
			(/** @type {any} */ b) =>
				`- ${b.verdict === 'PASS' ? '✅ PASS' : '❌ FAIL'}: ${b.name}: ${b.value}`
		),
		''
	];
	if (r.scale.length) {
		lines.push('**Scale** (app / bare; medians):', '', scaleMarkdown(r.scale), '');
		for (const s of r.scale)
			if (!s.build.ok)
				lines.push(
					`- ${s.events.toLocaleString('en')} events${s.tiled ? ' (tiles)' : ''}: app build failed: ${s.build.error}.`
				);
		lines.push('');
	}
	if (r.lighthouse?.runs?.length) {
		lines.push(
			`**Lighthouse 12.2.3** (${r.lighthouse.from.slice(0, 10)}):`,
			'',
			'| page | preset | performance | accessibility | FCP ms | LCP ms | TBT ms | CLS |',
			'| --- | --- | --- | --- | --- | --- | --- | --- |'
		);
		for (const l of r.lighthouse.runs)
			lines.push(
				l.error
					? `| ${l.page} ${l.url} | ${l.formFactor} | error | | | | | |`
					: `| ${l.page} ${l.url} | ${l.formFactor} | ${l.performance} | ${l.accessibility} | ${l.fcpMs} | ${l.lcpMs} | ${l.tbtMs} | ${l.cls} |`
			);
		lines.push('');
	}
	lines.push(end);
	writeFileSync(
		file,
		text.slice(0, text.indexOf(start)) +
			lines.join('\n') +
			text.slice(text.indexOf(end) + end.length)
	);
}

/**
 * One benchmark at a time: two runs would share bench/tmp (builds, bare pages, the isolated
 * project) and each other's CPU, and both sets of figures would be wrong.
 */
function takeLock() {
	mkdirSync(tmp, { recursive: true });
	const lock = path.join(tmp, 'bench.lock');
	if (existsSync(lock)) {
		const pid = Number(readFileSync(lock, 'utf8'));
		let alive = false;
		try {
			process.kill(pid, 0);
			alive = pid !== process.pid;
		} catch {
			// a stale lock from a run that died
		}
		if (alive) {
			console.error(
				`Another benchmark is running (pid ${pid}); wait for it, or delete ${lock} if it is not.`
			);
			process.exit(1);
		}
	}
	writeFileSync(lock, String(process.pid));
	process.on('exit', () => rmSync(lock, { force: true }));
}

takeLock();
await main();
