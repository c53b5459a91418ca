// @ts-check
// The boxes of the story's features, for the basemap's detail tiles (regions.js). The story is
// read by the app's own loader (src/lib/story/load.ts, which validates it), run through Vite's
// module runner because the generator is plain Node and the loader is TypeScript.

import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** @typedef {import('./config.js').BBox} BBox */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The story directory the build uses: `STORY_DIR`, else `geo/` (as src/lib/server/story.ts). */
export function storyDir() {
	return resolve(ROOT, process.env.STORY_DIR ?? 'geo');
}

/**
 * One box per feature of the story in `dir` ([west, south, east, north]), in layer order.
 * @param {string} dir
 * @returns {Promise<BBox[]>}
 */
export async function storyFeatureBoxes(dir) {
	const { runnerImport } = await import('vite');
	// No config file: the app's (SvelteKit's) plugins are not needed to run two pure modules.
	const options = {
		configFile: /** @type {false} */ (false),
		logLevel: /** @type {const} */ ('error')
	};
	const [{ module: load }, { module: bounds }] = await Promise.all([
		runnerImport(resolve(ROOT, 'src/lib/story/load.ts'), options),
		runnerImport(resolve(ROOT, 'src/lib/geo/bounds.ts'), options)
	]);
	/** @type {import('../../src/lib/story/compiled').CompiledStory} */
	const story = load.loadStory(dir);
	/** @type {BBox[]} */
	const boxes = [];
	for (const layer of story.layers) {
		for (const feature of layer.data.features) {
			const box = feature.geometry ? bounds.bboxOf([feature.geometry]) : null;
			if (box) boxes.push(box);
		}
	}
	return boxes;
}
