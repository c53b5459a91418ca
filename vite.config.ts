import { mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { sveltekit } from '@sveltejs/kit/vite';
import { runnerImport, type Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import type { TiledLayerReport } from './src/lib/server/story-tiles-write';

/** Where the build keeps its compiled story and the tiles it is writing: beside the output. */
const buildDir = () => path.resolve(process.env.BUILD_DIR ?? 'build');
const compiledFile = () => `${buildDir()}.story.jsonl`;

/**
 * Checks the story (`STORY_DIR`, default geo/) before anything is built, and compiles it once
 * for every later step. Invalid data stops the build here, with the list of problems printed
 * once and no stack trace, instead of failing inside SvelteKit's prerender worker, which
 * printed it twice with a crash. Valid data is written as the compiled story
 * (`src/lib/server/compiled-file.ts`), named in `STORY_COMPILED_FILE` for SvelteKit's
 * analysis and prerendering and the tiles' worker (threads that copy the environment when
 * they start): at 1,000,000 events each of them loading `geo/` again took minutes and
 * gigabytes.
 * `compiled` settles once the file is written.
 */
function storyCheck(): Plugin & { compiled: Promise<void> } {
	let done = () => {};
	const compiled = new Promise<void>((resolve) => (done = resolve));
	return {
		name: 'story-check',
		apply: 'build',
		compiled,
		async buildStart() {
			// SvelteKit builds the client from inside the server's build, in this process, with
			// this config loaded again (so a flag in this closure would be a new one): check once
			// per process. Checking twice was minutes of a 1,000,000-event build.
			const already = globalThis as { storyChecked?: boolean };
			if (already.storyChecked) return done();
			already.storyChecked = true;
			const dir = path.resolve(process.env.STORY_DIR ?? 'geo');
			// TypeScript modules: Vite's module runner transpiles them (as scripts/validate.js does).
			const run = <T>(file: string) =>
				runnerImport<T>(path.resolve(file), {
					configFile: false,
					logLevel: 'silent',
					resolve: { alias: { $lib: path.resolve('src/lib') } }
				}).then((r) => r.module);
			const load = await run<typeof import('./src/lib/story/load')>('src/lib/story/load.ts');
			const started = performance.now();
			const { report, story } = load.reportAndLoadStory(dir);
			if (!report.ok || !story) {
				console.error(
					[`\nThe story in ${dir} has problems:`, ...report.lines, report.summary].join('\n')
				);
				process.exit(1);
			}
			const file = await run<typeof import('./src/lib/server/compiled-file')>(
				'src/lib/server/compiled-file.ts'
			);
			file.writeCompiledStory(compiledFile(), story);
			process.env.STORY_COMPILED_FILE = compiledFile();
			console.log(
				`story: ${report.summary}; checked, compiled and written for the build's steps in ${Math.round(performance.now() - started)} ms`
			);
			done();
		}
	};
}

/**
 * Writes the story's large layers as vector tiles (`src/lib/server/story-tiles-write.ts`):
 * started with the server build once the story is compiled, in a worker thread
 * (`scripts/story-tiles-worker.js`) that writes beside the output folder while SvelteKit
 * prerenders; moved into the built site once SvelteKit's adapter has written the rest (the
 * adapter empties the output folder first). After SvelteKit's own `closeBundle` (plugins run
 * in order), in the server build only (SvelteKit's client build runs inside it). The compiled
 * story is removed then too: the build is over.
 */
function storyTiles(compiled: Promise<void>): Plugin {
	let ssr = false;
	let tiling: Promise<{ reports: TiledLayerReport[]; ms: number }> | undefined;
	let worker: Worker | undefined;
	const staging = () => `${buildDir()}.story-tiles`;
	return {
		name: 'story-tiles',
		apply: 'build',
		configResolved(config) {
			ssr = !!config.build.ssr;
		},
		async buildStart() {
			if (!ssr || tiling) return;
			rmSync(staging(), { recursive: true, force: true });
			// Rollup starts every plugin's buildStart at once: wait for the story check's file.
			await compiled;
			const started = new Worker(path.resolve('scripts/story-tiles-worker.js'), {
				workerData: { root: path.resolve('.'), dir: staging() }
			});
			worker = started;
			tiling = new Promise((resolve, reject) => {
				started.once('message', resolve);
				started.once('error', reject);
				started.once('exit', (code) =>
					reject(new Error(`story tiles: the worker exited (${code})`))
				);
			});
			// A build that fails before closeBundle must not wait for the tiles to exit.
			started.unref();
			tiling.catch(() => {});
		},
		closeBundle: {
			sequential: true,
			async handler() {
				if (!ssr || !tiling) return;
				// Held again while it is awaited: an unreferenced worker would let the build's
				// process exit before the tiles are written.
				worker?.ref();
				const waited = performance.now();
				const { reports, ms } = await tiling;
				const out = path.join(buildDir(), 'data');
				for (const r of reports) {
					mkdirSync(out, { recursive: true });
					rmSync(path.join(out, r.layer), { recursive: true, force: true });
					renameSync(path.join(staging(), 'data', r.layer), path.join(out, r.layer));
					console.log(
						`story tiles: ${r.layer}: ${r.features} features in ${r.tiles} tiles, ${(r.bytes / 1e6).toFixed(1)} MB`
					);
				}
				rmSync(staging(), { recursive: true, force: true });
				rmSync(compiledFile(), { force: true });
				if (reports.length)
					console.log(
						`story tiles: written in ${ms} ms, beside the prerendering; the build waited ${Math.round(performance.now() - waited)} ms for them`
					);
			}
		}
	};
}

/**
 * Every module the first view needs in one chunk: the root layout and all it imports
 * statically (our code, Svelte's runtime), found from the module graph. Left to itself the
 * bundler splits them into a dozen small chunks, because later code (the popup, search, the
 * static overview) shares some of them; each split costs its import and export glue and its
 * own compression (BENCHMARKS.md: first-load JS). Code that only later imports reach keeps
 * its own chunks.
 */
function firstLoadChunk() {
	const layout = path.resolve('src/routes/+layout.svelte');
	type Context = { getModuleInfo(id: string): { importedIds: readonly string[] } | null };
	// One set per chunking pass: the server and the client are bundled separately, each with
	// its own module graph.
	const passes = new WeakMap<Context, Set<string>>();
	return (id: string, ctx: Context) => {
		let reachable = passes.get(ctx);
		if (!reachable) {
			reachable = new Set();
			passes.set(ctx, reachable);
			const stack = [layout];
			while (stack.length > 0) {
				const m = stack.pop() as string;
				if (reachable.has(m)) continue;
				reachable.add(m);
				stack.push(...(ctx.getModuleInfo(m)?.importedIds ?? []));
			}
		}
		return reachable.has(id) ? 'first' : null;
	};
}

const story = storyCheck();

export default defineConfig({
	plugins: [story, sveltekit(), storyTiles(story.compiled)],
	build: {
		rollupOptions: {
			output: { codeSplitting: { groups: [{ name: firstLoadChunk(), debugName: 'first-load' }] } }
		}
	},
	// The one build-time setting the browser reads besides Vite's own: the self-hosted PMTiles
	// basemap, if any (src/lib/map/basemap-archive.ts).
	envPrefix: ['VITE_', 'BASEMAP_PMTILES'],
	test: {
		environment: 'node',
		testTimeout: 60_000,
		projects: [
			// Pure modules, the data loader, generators: no build needed (`npm run test:unit`).
			{ extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
			// The built site read from disk: run after a build (`npm run test:e2e`).
			{ extends: true, test: { name: 'build', include: ['tests/build/**/*.test.ts'] } },
			// Measurements, not tests (`npm run bench:search`).
			{ extends: true, test: { name: 'bench', include: ['bench/**/*.bench.test.ts'] } }
		]
	}
});
