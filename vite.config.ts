import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	test: {
		environment: 'node',
		testTimeout: 60_000,
		projects: [
			// Pure modules, the data loader, generators: no build needed (`npm run test:unit`).
			{ extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
			// The built site read from disk: run after a build (`npm run test:e2e`).
			{ extends: true, test: { name: 'build', include: ['tests/build/**/*.test.ts'] } }
		]
	}
});
