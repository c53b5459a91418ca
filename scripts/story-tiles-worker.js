// @ts-check
/**
 * Writes the story's tiled layers (`src/lib/server/story-tiles-write.ts`) into a folder, in a
 * worker thread of the build (vite.config.ts, `storyTiles`): it runs while SvelteKit
 * prerenders the pages in a thread of its own, so a large story's tiles are made on the
 * machine's second core instead of after everything else.
 *
 * workerData: { root: the project folder, dir: where to write }. Posts the layers' reports.
 */
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { runnerImport } from 'vite';

const { root, dir } = /** @type {{ root: string; dir: string }} */ (workerData);
// The writer is TypeScript: Vite's module runner transpiles it (as scripts/validate.js does).
const { module } = await runnerImport(path.join(root, 'src/lib/server/story-tiles-write.ts'), {
	configFile: false,
	root,
	logLevel: 'silent',
	resolve: { alias: { $lib: path.join(root, 'src/lib') } }
});
const started = performance.now();
const reports = await module.writeStoryTiles(dir);
parentPort?.postMessage({ reports, ms: Math.round(performance.now() - started) });
