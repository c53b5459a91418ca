// @ts-check
/**
 * Building the sites the benchmark measures.
 *
 * - The real story: `npm run build` into build/, only when build/ is missing or older than
 *   its inputs (as the brief asks; that is the site everyone else uses too).
 * - Synthetic stories: `STORY_DIR=… BUILD_DIR=… vite build`, run from an isolated project
 *   folder (bench/tmp/project: symlinks to src/, static/, scripts/, node_modules and the
 *   configs) so its `.svelte-kit/` is its own. Other builds and tests running at the same
 *   time in the repo would otherwise share, and clobber, `.svelte-kit/output`.
 *
 * Scale builds can take minutes and gigabytes (every prerendered page inlines the whole
 * story), so they are watched: stopped past a time or disk limit, with how far they got and
 * a projection of the whole. Results, good or bad, are cached on a fingerprint of the inputs,
 * so a rerun on unchanged sources does not pay for them again.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	symlinkSync,
	writeFileSync
} from 'node:fs';
import { createHash } from 'node:crypto';
import { totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const tmp = path.join(root, 'bench', 'tmp');
/** Below this many seconds a build attempt cannot get past bundling: not worth starting. */
const MIN_ATTEMPT_S = 60;

/**
 * Every file under `dir` (recursively), skipping `skip` folder names.
 * @returns {Generator<string>}
 */
function* walk(/** @type {string} */ dir, /** @type {Set<string>} */ skip = new Set()) {
	if (!existsSync(dir)) return;
	for (const e of readdirSync(dir, { withFileTypes: true })) {
		if (skip.has(e.name)) continue;
		const p = path.join(dir, e.name);
		if (e.isDirectory()) yield* walk(p, skip);
		else if (e.isFile()) yield p;
	}
}

/** What a build of the app reads, besides the story (generated basemap and glyphs excluded: cached by their own step). */
const APP_INPUTS = [
	'src',
	'static',
	'svelte.config.js',
	'vite.config.ts',
	'scripts/story-tiles-worker.js',
	'tsconfig.json',
	'package-lock.json'
];

function inputFiles(/** @type {string[]} */ extra = []) {
	const files = [];
	for (const entry of [...APP_INPUTS, ...extra]) {
		const p = path.join(root, entry);
		if (!existsSync(p)) continue;
		if (statSync(p).isDirectory()) files.push(...walk(p, new Set(['generated'])));
		else files.push(p);
	}
	return files;
}

/** build/ is missing, or older than a source, the story (geo/) or the generators. */
export function mainBuildIsStale() {
	const index = path.join(root, 'build', 'index.html');
	if (!existsSync(index)) return 'build/ is missing';
	const built = statSync(index).mtimeMs;
	const newer = inputFiles(['geo', 'scripts']).find((f) => statSync(f).mtimeMs > built);
	return newer ? `${path.relative(root, newer)} is newer than build/` : null;
}

export function buildMain() {
	const started = Date.now();
	const r = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
	if (r.status !== 0) {
		process.stderr.write(r.stdout);
		process.stderr.write(r.stderr);
		throw new Error('npm run build failed');
	}
	return (Date.now() - started) / 1000;
}

/** Sources' paths, sizes and times, plus anything else that names this build. */
function fingerprint(/** @type {string} */ extra) {
	const h = createHash('sha1').update(extra);
	for (const f of inputFiles().sort()) {
		const s = statSync(f);
		h.update(`${path.relative(root, f)}:${s.size}:${s.mtimeMs}\n`);
	}
	return h.digest('hex');
}

/**
 * Node's options for a scale build: a heap of 60 % of the machine's memory unless they set
 * one. Node's default (about 4 GB here) is too small for a 1,000,000-event story, whose
 * compiled form alone is several gigabytes in each thread that reads it (README: Large
 * stories).
 */
function withHeap(/** @type {string | undefined} */ options = '') {
	if (/--max-old-space-size/.test(options)) return options;
	const mb = Math.floor((totalmem() / 2 ** 20) * 0.6);
	return `${options} --max-old-space-size=${mb}`.trim();
}

/** An isolated project: the repo's sources through symlinks, its own `.svelte-kit/`. */
function isolatedProject() {
	const dir = path.join(tmp, 'project');
	mkdirSync(dir, { recursive: true });
	for (const f of [
		'src',
		'static',
		'scripts',
		'node_modules',
		'package.json',
		'svelte.config.js',
		'vite.config.ts',
		'tsconfig.json'
	]) {
		const link = path.join(dir, f);
		if (!existsSync(link)) symlinkSync(path.join(root, f), link);
	}
	return dir;
}

/** Bytes and files under a folder (0 when it does not exist). */
function du(/** @type {string} */ dir) {
	let bytes = 0;
	let files = 0;
	for (const f of walk(dir)) {
		try {
			bytes += statSync(f).size;
			files++;
		} catch {
			// written or removed while we looked
		}
	}
	return { bytes, files };
}

/**
 * @typedef {{
 *   ok: boolean; seconds: number; events: number; key: string; date: string;
 *   siteBytes?: number; indexHtmlBytes?: number; shellJsonBytes?: number; eventPageBytes?: number;
 *   overviewJsonBytes?: number;
 *   error?: string; phase?: string; bytesWritten?: number; timeline?: Record<string, number | null>;
 *   projectedBytes?: number; projectedSeconds?: number; cached?: boolean; stale?: boolean; log?: string
 * }} BuildResult
 */

/**
 * Build a story's site, watched: stopped after `timeoutS` seconds or once the prerendered
 * output passes `maxBytes`. Cached by inputs: an earlier result with the same key is reused.
 * `tileThreshold` is the build's `STORY_TILE_THRESHOLD` (layers above it are vector tiles).
 * @param {{ storyDir: string; buildDir: string; events: number; timeoutS: number; maxBytes: number; tileThreshold: number; force?: boolean; log?: (s: string) => void }} o
 * @returns {Promise<BuildResult>}
 */
export async function buildStorySite(o) {
	const key = fingerprint(
		`${path.resolve(o.storyDir)}:${readFileSync(path.join(o.storyDir, '.generator'), 'utf8')}:tiles>${o.tileThreshold}`
	);
	const record = `${o.buildDir}.result.json`;
	if (!o.force && existsSync(record)) {
		const prev = /** @type {BuildResult} */ (JSON.parse(readFileSync(record, 'utf8')));
		// A failure that hit our own time limit may succeed with a longer one: only reuse it
		// when it was given at least as long as now.
		const reusable = prev.ok
			? existsSync(path.join(o.buildDir, 'index.html'))
			: prev.phase !== 'time limit' || prev.seconds >= o.timeoutS;
		if (prev.key === key && reusable) return { ...prev, cached: true };
		// Sources changed since a good build that took longer than we may spend now: measure
		// that build rather than nothing, flagged stale with its date (its folder is kept).
		if (prev.key !== key && prev.ok && prev.seconds > o.timeoutS) {
			return existsSync(path.join(o.buildDir, 'index.html'))
				? { ...prev, cached: true, stale: true }
				: {
						ok: false,
						seconds: 0,
						events: o.events,
						key,
						date: new Date().toISOString(),
						phase: 'not rebuilt',
						error: `the sources changed since the last build (${prev.date.slice(0, 16)}), which took ${prev.seconds} s, and the time budget leaves ${o.timeoutS} s: run \`npm run bench -- --prepare\` once, then \`npm run bench\``
					};
		}
	}
	// Too little time left to learn anything from an attempt: say so, with the last one's outcome.
	if (o.timeoutS < MIN_ATTEMPT_S) {
		const prev = existsSync(record)
			? /** @type {BuildResult} */ (JSON.parse(readFileSync(record, 'utf8')))
			: null;
		return {
			ok: false,
			seconds: 0,
			events: o.events,
			key,
			date: new Date().toISOString(),
			phase: 'not attempted',
			error: `not attempted: ${o.timeoutS} s left for it in the time budget${prev && !prev.ok ? `; the last attempt (${prev.date.slice(0, 16)}, ${prev.seconds} s) ${prev.error}` : ''}`
		};
	}
	const project = isolatedProject();
	const prerendered = path.join(project, '.svelte-kit', 'output', 'prerendered');
	rmSync(prerendered, { recursive: true, force: true });
	rmSync(o.buildDir, { recursive: true, force: true });
	const started = Date.now();
	const logFile = `${o.buildDir}.log`;
	const child = spawn('npx', ['vite', 'build'], {
		cwd: project,
		env: {
			...process.env,
			NODE_OPTIONS: withHeap(process.env.NODE_OPTIONS),
			STORY_DIR: path.resolve(o.storyDir),
			BUILD_DIR: path.resolve(o.buildDir),
			STORY_TILE_THRESHOLD: String(o.tileThreshold)
		},
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true // its own process group, so stopping it stops vite's children too
	});
	let output = '';
	child.stdout.on('data', (d) => (output += d));
	child.stderr.on('data', (d) => (output += d));
	/** @type {string | undefined} */
	let stopped;
	const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
	const watch = setInterval(() => {
		const s = (Date.now() - started) / 1000;
		const { bytes } = du(prerendered);
		if (s > o.timeoutS) stopped = 'time limit';
		else if (bytes > o.maxBytes) stopped = 'disk limit';
		if (stopped && child.pid) {
			try {
				process.kill(-child.pid, 'SIGKILL');
			} catch {
				// already gone
			}
		}
		o.log?.(`  build ${o.events}: ${s.toFixed(0)} s, ${(bytes / 1e6).toFixed(0)} MB prerendered`);
	}, 5000);
	const code = await exited;
	clearInterval(watch);
	const seconds = Math.round((Date.now() - started) / 100) / 10;
	writeFileSync(logFile, output);
	const got = progress(prerendered);
	const common = { seconds, events: o.events, key, date: new Date().toISOString() };
	/** @type {BuildResult} */
	let result;
	if (code === 0 && !stopped && existsSync(path.join(o.buildDir, 'index.html'))) {
		result = {
			ok: true,
			...common,
			siteBytes: du(o.buildDir).bytes,
			indexHtmlBytes: statSync(path.join(o.buildDir, 'index.html')).size,
			shellJsonBytes: statSync(path.join(o.buildDir, 'story', 'shell.json')).size,
			overviewJsonBytes: statSync(path.join(o.buildDir, 'overview.json')).size,
			eventPageBytes: got.events.avgBytes,
			timeline: timeline(got, started)
		};
	} else {
		const written = du(prerendered);
		const ogRate = rate(got.og);
		const pageRate = rate(got.events);
		// Only the first `pageLimit` events get a page and an image (the shell says how many,
		// once written; before that, assume all of them).
		const pages = Math.min(o.events, pageLimitOf(prerendered) ?? o.events);
		const where =
			got.firstFileAt === 0
				? 'before the first prerendered file (bundling, or the story loader still compiling the story)'
				: got.events.count === 0
					? `while drawing preview images: ${got.og.count} of ${pages + 1} og/*.png written, no event page yet`
					: `while prerendering: ${got.events.count} of ${pages} event pages written`;
		result = {
			ok: false,
			...common,
			phase: stopped ?? 'vite build failed',
			error: stopped
				? `stopped at the ${stopped} (${stopped === 'time limit' ? `${o.timeoutS} s` : `${(o.maxBytes / 1e9).toFixed(1)} GB`}) ${where}`
				: lastError(output),
			bytesWritten: written.bytes,
			// The home page is prerendered first: its size is known even when the build is not.
			...homePage(prerendered),
			timeline: timeline(got, started),
			// Each paged event has a page and a preview image, projected from the ones written
			// so far.
			projectedBytes: got.events.count
				? Math.round(got.events.avgBytes * (pages + 2) + got.og.avgBytes * (pages + 1))
				: undefined,
			projectedSeconds:
				got.firstFileAt && ogRate !== null
					? Math.round(
							(got.firstFileAt - started) / 1000 + ogRate * (pages + 1) + (pageRate ?? 0) * pages
						)
					: undefined,
			log: path.relative(root, logFile)
		};
	}
	writeFileSync(record, JSON.stringify(result, null, '\t'));
	return result;
}

/**
 * How far a prerender got: the first file (the story loaded), preview images (`og/`), and
 * event pages (HTML: mean bytes), with first and last write times.
 */
function progress(/** @type {string} */ prerendered) {
	const pages = path.join(prerendered, 'pages');
	const times = (/** @type {string[]} */ files) => {
		const t = files.map((f) => statSync(f).mtimeMs);
		return {
			count: t.length,
			firstAt: t.length ? Math.min(...t) : 0,
			lastAt: t.length ? Math.max(...t) : 0
		};
	};
	const all = [...walk(pages)];
	const og = [...walk(path.join(pages, 'og'))].filter((f) => f.endsWith('.png'));
	const eventHtml = [...walk(path.join(pages, 'events'))].filter((f) => f.endsWith('index.html'));
	const bytes = eventHtml.reduce((n, f) => n + statSync(f).size, 0);
	const ogBytes = og.reduce((n, f) => n + statSync(f).size, 0);
	return {
		firstFileAt: times(all).firstAt,
		og: { ...times(og), avgBytes: og.length ? Math.round(ogBytes / og.length) : 0 },
		events: {
			...times(eventHtml),
			avgBytes: eventHtml.length ? Math.round(bytes / eventHtml.length) : 0
		}
	};
}

/** Seconds per item between the first and last write (null with fewer than two). */
const rate = (/** @type {{ count: number; firstAt: number; lastAt: number }} */ x) =>
	x.count > 1 ? (x.lastAt - x.firstAt) / 1000 / (x.count - 1) : null;

/** The story's shell as prerendered so far (`$lib/story/parts`). */
const shellFile = (/** @type {string} */ prerendered) =>
	path.join(prerendered, 'dependencies', 'story', 'shell.json');

/** How many events get a page, from the shell once it is written. */
function pageLimitOf(/** @type {string} */ prerendered) {
	try {
		const n = Number(JSON.parse(readFileSync(shellFile(prerendered), 'utf8')).pageLimit);
		return Number.isFinite(n) ? n : undefined;
	} catch {
		return undefined;
	}
}

/** Sizes of the prerendered home page and the story's shell, when written. */
function homePage(/** @type {string} */ prerendered) {
	const html = path.join(prerendered, 'pages', 'index.html');
	const data = shellFile(prerendered);
	return existsSync(html)
		? {
				indexHtmlBytes: statSync(html).size,
				shellJsonBytes: existsSync(data) ? statSync(data).size : undefined
			}
		: {};
}

/** When each stage of the prerender started and how fast it went, from file times. */
function timeline(/** @type {ReturnType<typeof progress>} */ got, /** @type {number} */ started) {
	const at = (/** @type {number} */ t) => (t ? Math.round((t - started) / 100) / 10 : null);
	return {
		firstFileS: at(got.firstFileAt),
		ogImages: got.og.count,
		ogFirstS: at(got.og.firstAt),
		ogLastS: at(got.og.lastAt),
		ogSecondsEach: rate(got.og),
		eventPages: got.events.count,
		eventPagesFirstS: at(got.events.firstAt),
		eventPagesLastS: at(got.events.lastAt),
		eventPageSecondsEach: rate(got.events)
	};
}

/** The last error-looking lines of a build log. */
function lastError(/** @type {string} */ output) {
	const lines = output.split('\n').filter((l) => /error|Error|ERR|heap|Killed/.test(l));
	return (lines.slice(-3).join(' | ') || output.split('\n').slice(-3).join(' | ')).slice(0, 400);
}
