import { destination } from '@turf/turf';
import type { Position } from 'geojson';
import { describe, expect, test } from 'vitest';
import {
	COAST_TOLERANCE_KM,
	countryAt,
	distanceToCountryKm,
	isInCountry,
	isInsideCountry
} from '$lib/geo/containment';
import { countryByName, countryNames } from '$lib/geo/natural-earth';
import { loadNaturalEarth } from '$lib/geo/natural-earth-file';

const countries = loadNaturalEarth('10m');
const country = (name: string) => {
	const found = countryByName(countries, name);
	if (!found) throw new Error(`no ${name}`);
	return found;
};

describe('Natural Earth 1:10m countries', () => {
	test('are found by their Natural Earth names', () => {
		for (const name of ['Syria', 'Turkey', 'Egypt', 'Russia', 'France', 'Iraq'])
			expect(countryByName(countries, name)?.name).toBe(name);
		expect(country('Syria').isoNumeric).toBe('760');
		expect(country('Turkey').isoNumeric).toBe('792');
		expect(countryByName(countries, 'Syrian Arab Republic')).toBeUndefined();
		expect(countryNames(countries).length).toBeGreaterThan(200);
	});

	test('are loaded once per process', () => {
		expect(loadNaturalEarth('10m')).toBe(countries);
	});
});

describe('places of the article lie in their countries', () => {
	test.each([
		['Moscow Kremlin', [37.6178, 55.7517], 'Russia'],
		['Pulkovo airport', [30.2625, 59.8003], 'Russia'],
		['Bataclan', [2.3708, 48.8631], 'France'],
		['Metrojet crash site', [34.1728, 30.1692], 'Egypt'],
		['Sharm el-Sheikh airport', [34.3947, 27.9772], 'Egypt'],
		['Su-24 crash area', [36.03, 35.83], 'Syria'],
		['Yayladağı', [36.0606, 35.9025], 'Turkey'],
		['Hmeimim air base', [35.945, 35.4117], 'Syria'],
		['Ankara', [32.85, 39.93], 'Turkey'],
		['Raqqa', [39.0167, 35.95], 'Syria'],
		['Cizre', [42.1958, 37.325], 'Turkey']
	] as [string, Position, string][])('%s is in %s', (_, position, name) => {
		expect(isInCountry(position, country(name))).toBe(true);
		expect(countryAt(position, countries)?.name).toBe(name);
	});

	test('and not in their neighbours', () => {
		expect(isInCountry([36.03, 35.83], country('Turkey'))).toBe(false);
		expect(isInCountry([36.0606, 35.9025], country('Syria'))).toBe(false);
	});

	test('a point swapped (lat, lon) is far outside', () => {
		expect(isInCountry([55.7517, 37.6178], country('Russia'))).toBe(false);
		expect(distanceToCountryKm([55.7517, 37.6178], country('Russia'))).toBeGreaterThan(300);
	});
});

describe('coastal tolerance', () => {
	// Nice airport's seaward tip: walk out to sea from the shore, perpendicular to it (south).
	const shore: Position = [7.2149, 43.6584];

	test(`a point within ${COAST_TOLERANCE_KM} km of the coast counts as inside`, () => {
		// find the coast going south from a point on land
		expect(isInsideCountry(shore, country('France'))).toBe(true);
		let inland = shore;
		while (
			isInsideCountry(destination(inland, 0.05, 180).geometry.coordinates, country('France'))
		) {
			inland = destination(inland, 0.05, 180).geometry.coordinates;
		}
		const offshore1 = destination(inland, 1, 180).geometry.coordinates;
		const offshore5 = destination(inland, 5, 180).geometry.coordinates;
		expect(isInsideCountry(offshore1, country('France'))).toBe(false);
		expect(isInCountry(offshore1, country('France'))).toBe(true);
		expect(distanceToCountryKm(offshore1, country('France'))).toBeGreaterThan(0.5);
		expect(distanceToCountryKm(offshore1, country('France'))).toBeLessThan(1.1);
		expect(isInCountry(offshore5, country('France'))).toBe(false);
		expect(distanceToCountryKm(offshore5, country('France'))).toBeGreaterThan(4);
		expect(countryAt(offshore5, countries)).toBeUndefined();
	});

	test('the tolerance can be set', () => {
		const atSea: Position = [35.83, 36.03]; // ~14 km off the Syrian coast
		expect(isInCountry(atSea, country('Syria'))).toBe(false);
		expect(isInCountry(atSea, country('Syria'), 20)).toBe(true);
	});

	test('distance is 0 inside and grows with the distance from the border', () => {
		expect(distanceToCountryKm([37.6178, 55.7517], country('Russia'))).toBe(0);
		const d = distanceToCountryKm([2.3522, 48.8566], country('Germany'));
		expect(d).toBeGreaterThan(250);
		expect(d).toBeLessThan(350);
	});
});
