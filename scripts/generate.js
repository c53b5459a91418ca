// @ts-check
/**
 * Build-time generators, run before every `vite build` / `vite dev`.
 * Each one caches on its inputs, so a second build costs nothing; outputs go to
 * static/generated/ (gitignored: generated files are never hand-edited or committed).
 */
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { buildBasemap } from './basemap/build.js';
import { buildGlyphs } from './glyphs/build.js';
import { storyDir, storyFeatureBoxes } from './basemap/story-regions.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'static', 'generated');
const force = process.argv.includes('--force');

const started = Date.now();
// The story's features decide where the basemap's tiles go deeper than the world's.
const regions = await storyFeatureBoxes(storyDir());
await Promise.all([
	buildBasemap({ outDir: path.join(out, 'basemap'), force, regions }),
	buildGlyphs({ outDir: path.join(out, 'glyphs'), force })
]);
console.log(
	`generate: basemap and glyphs ready in ${((Date.now() - started) / 1000).toFixed(1)} s`
);
