/**
 * Creating the interactive map, or learning that this browser cannot run it.
 *
 * MapLibre needs a WebGL 2 context and throws `GPUInitializationError` when it cannot create
 * one, having taken its canvas out of the container again. That attempt is the test: the page
 * used to create a context of its own first, to ask, which cost a second context (a long task
 * of its own where the renderer is software: 600 ms in a headless Chromium, a second on an
 * emulated phone) and said yes to WebGL 1, which MapLibre cannot use.
 */
import type { Map as MapLibreMap, MapOptions } from 'maplibre-gl';

/** What of MapLibre's module this needs, so tests can pass a fake. */
export interface MapLibreCore {
	Map: new (options: MapOptions) => MapLibreMap;
	GPUInitializationError: abstract new (...args: never[]) => Error;
}

/**
 * The map, or undefined where WebGL 2 is unavailable (the page shows the static overview
 * instead). Any other failure is a bug, and is thrown.
 */
export function createMap(maplibre: MapLibreCore, options: MapOptions): MapLibreMap | undefined {
	try {
		return new maplibre.Map(options);
	} catch (err) {
		if (err instanceof maplibre.GPUInitializationError) return undefined;
		throw err;
	}
}
