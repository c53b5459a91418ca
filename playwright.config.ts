import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './scripts/chromium.js';

const PORT = 4174;

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
		launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
		trace: 'retain-on-failure'
	},
	webServer: {
		// The built site, exactly as a host serves it (npm run test:e2e builds first).
		command: `node scripts/serve.js --dir build --port ${PORT}`,
		url: `http://127.0.0.1:${PORT}/`,
		reuseExistingServer: false,
		timeout: 60_000
	}
});
