import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './scripts/chromium.js';

// Ports can be moved (E2E_PORT, E2E_HOSTILE_PORT, E2E_SEA_PORT, E2E_PMTILES_PORT) so two test runs can share a machine.
const PORT = Number(process.env.E2E_PORT ?? 4174);
/** The hostile fixture story (tests/fixtures/hostile-story), built by `npm run build:hostile`. */
const HOSTILE_PORT = Number(process.env.E2E_HOSTILE_PORT ?? 4176);
/** Where tests/e2e/hardening.e2e.ts finds the hostile build (`test.use({ baseURL })`). */
export const HOSTILE_BASE_URL = `http://127.0.0.1:${HOSTILE_PORT}`;
/** The maritime fixture story (tests/fixtures/sea-story), built by `npm run build:sea`. */
const SEA_PORT = Number(process.env.E2E_SEA_PORT ?? 4178);
/** Where tests/e2e/sea-story.e2e.ts finds the maritime build. */
export const SEA_BASE_URL = `http://127.0.0.1:${SEA_PORT}`;
/** The site over a PMTiles basemap (`npm run build:pmtiles`), on its own port. */
const PMTILES_PORT = Number(process.env.E2E_PMTILES_PORT ?? 4177);
/** Where tests/e2e/pmtiles.e2e.ts finds the PMTiles build. */
export const PMTILES_BASE_URL = `http://127.0.0.1:${PMTILES_PORT}`;

/**
 * The suite is CPU-bound (two cores, every page's map drawn in software), and each test opens
 * pages in a new context that compiles and draws everything afresh. Two flags cut the CPU a
 * page load costs without changing what a page does (the benchmark keeps Chromium's defaults):
 * - the page is composited on the CPU rather than through SwiftShader's GL (the map itself is
 *   still WebGL, drawn by SwiftShader);
 * - V8 runs its interpreter and baseline compiler only: a test's page lives seconds, and
 *   optimising its code on background threads cost more CPU than it saved.
 */
const TEST_ONLY_ARGS = ['--disable-gpu-compositing', '--js-flags=--no-opt --no-maglev'];

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.e2e.ts',
	// Two cores and software WebGL: few workers, generous timeouts, retries off so
	// flakiness is seen rather than hidden.
	workers: 2,
	timeout: 60_000,
	expect: { timeout: 15_000 },
	fullyParallel: true,
	reporter: process.env.CI ? [['list']] : [['list']],
	use: {
		baseURL: `http://127.0.0.1:${PORT}`,
		viewport: { width: 1280, height: 800 },
		// The suite checks what a view shows, not how the camera gets there: with reduced motion
		// the map jumps instead of flying and labels appear without fading, which in software
		// WebGL saves seconds a move. The animated path keeps its own tests (`motion` in
		// tests/e2e/reading.e2e.ts).
		reducedMotion: 'reduce',
		launchOptions: { executablePath: findChromium(), args: [...CHROMIUM_ARGS, ...TEST_ONLY_ARGS] },
		// A failed test keeps its trace (every action and the page as it was) and a final
		// screenshot. The trace's screencast is left out: encoding every frame cost a quarter of
		// the suite's CPU with the flags above.
		trace: { mode: 'retain-on-failure', screenshots: false, snapshots: true, sources: true },
		screenshot: 'only-on-failure'
	},
	webServer: [
		{
			// The built site, exactly as a host serves it (npm run test:e2e builds first).
			command: `node scripts/serve.js --dir build --port ${PORT}`,
			url: `http://127.0.0.1:${PORT}/`,
			reuseExistingServer: false,
			timeout: 60_000
		},
		{
			// The same app built from a story made of hostile strings, on its own port.
			command: `node scripts/serve.js --dir build-hostile --port ${HOSTILE_PORT}`,
			url: `${HOSTILE_BASE_URL}/`,
			reuseExistingServer: false,
			timeout: 60_000
		},
		{
			// A second story (at sea, with its own kinds and opening view), on its own port.
			command: `node scripts/serve.js --dir build-sea --port ${SEA_PORT}`,
			url: `${SEA_BASE_URL}/`,
			reuseExistingServer: false,
			timeout: 60_000
		},
		{
			// The app over a self-hosted PMTiles basemap made from our own tiles.
			command: `node scripts/serve.js --dir build-pmtiles --port ${PMTILES_PORT}`,
			url: `${PMTILES_BASE_URL}/`,
			reuseExistingServer: false,
			timeout: 60_000
		}
	]
});
