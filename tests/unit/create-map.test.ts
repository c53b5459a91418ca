/** `createMap`: MapLibre's own context creation decides between the map and the static overview. */
import { describe, expect, it } from 'vitest';
import type { Map as MapLibreMap, MapOptions } from 'maplibre-gl';
import { createMap, type MapLibreCore } from '$lib/map/create-map';

class GPUInitializationError extends Error {}

/** A MapLibre whose constructor does what `behaviour` says, and records its options. */
function fakeMapLibre(behaviour: 'map' | 'no-webgl' | 'bug') {
	const made: MapOptions[] = [];
	const map = { fake: true } as unknown as MapLibreMap;
	const core: MapLibreCore = {
		GPUInitializationError,
		Map: function (options: MapOptions) {
			made.push(options);
			if (behaviour === 'no-webgl') throw new GPUInitializationError('Failed to initialize WebGL');
			if (behaviour === 'bug') throw new TypeError('style is not an object');
			return map;
		} as unknown as MapLibreCore['Map']
	};
	return { core, made, map };
}

const options = { container: 'map' } as unknown as MapOptions;

describe('createMap', () => {
	it('gives the map MapLibre made, with the options it was given', () => {
		const { core, made, map } = fakeMapLibre('map');
		expect(createMap(core, options)).toBe(map);
		expect(made).toEqual([options]);
	});

	it('gives undefined where MapLibre cannot create its WebGL context', () => {
		const { core, made } = fakeMapLibre('no-webgl');
		expect(createMap(core, options)).toBeUndefined();
		expect(made).toHaveLength(1);
	});

	it('throws any other failure: a bug must not pass for a missing GPU', () => {
		const { core } = fakeMapLibre('bug');
		expect(() => createMap(core, options)).toThrow(TypeError);
	});

	it('knows the error by its class, not its message', () => {
		const core: MapLibreCore = {
			GPUInitializationError,
			Map: function () {
				throw new Error('Failed to initialize WebGL');
			} as unknown as MapLibreCore['Map']
		};
		expect(() => createMap(core, options)).toThrow('Failed to initialize WebGL');
	});
});
