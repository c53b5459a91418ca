// @ts-check
// `npm run build:pmtiles`: the site built over a PMTiles basemap, for the browser tests
// (tests/e2e/pmtiles.e2e.ts): a small archive in the Protomaps schema made from our own tiles
// (from-basemap.js; so no third-party data), put under static/ for the build to copy, and
// `BASEMAP_PMTILES` pointing at it. The archive is removed from static/ afterwards so that the
// ordinary build does not ship it.

import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { basemapArchive } from './from-basemap.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ARCHIVE = 'generated/test-basemap.pmtiles';
const file = join(ROOT, 'static', ARCHIVE);

const bytes = basemapArchive({ maxzoom: 5 });
mkdirSync(dirname(file), { recursive: true });
writeFileSync(file, bytes);
console.log(`build:pmtiles: ${ARCHIVE}, ${(bytes.length / 1024).toFixed(0)} KB`);
try {
	const result = spawnSync('npx', ['vite', 'build'], {
		cwd: ROOT,
		stdio: 'inherit',
		env: {
			...process.env,
			BASEMAP_PMTILES: ARCHIVE,
			BUILD_DIR: process.env.BUILD_DIR ?? 'build-pmtiles'
		}
	});
	process.exitCode = result.status ?? 1;
} finally {
	rmSync(file, { force: true });
}
