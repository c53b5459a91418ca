import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	// The one build-time setting the browser reads besides Vite's own: the self-hosted PMTiles
	// basemap, if any (src/lib/map/basemap-archive.ts).
	envPrefix: ['VITE_', 'BASEMAP_PMTILES'],
	test: {
		include: ['tests/unit/**/*.test.ts'],
		environment: 'node',
		testTimeout: 60_000
	}
});
