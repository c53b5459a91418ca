/**
 * Reads Natural Earth countries from the world-atlas package (build time and tests only: it
 * uses node:fs). Parsed once per process per scale: the 10m file is 3.7 MB.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Topology } from 'topojson-specification';
import { countriesFromTopology, type Countries, type Scale } from './natural-earth';

const cache = new Map<Scale, Countries>();

/** Natural Earth Admin 0 countries at a scale (1:10m by default: the one the story is checked against). */
export function loadNaturalEarth(scale: Scale = '10m'): Countries {
	let countries = cache.get(scale);
	if (!countries) {
		const require = createRequire(import.meta.url);
		const file = require.resolve(`world-atlas/countries-${scale}.json`);
		const topology = JSON.parse(readFileSync(file, 'utf8')) as Topology;
		countries = countriesFromTopology(topology, scale);
		cache.set(scale, countries);
	}
	return countries;
}
