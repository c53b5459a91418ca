import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// Fully static output: every page is prerendered into build/.
		// BUILD_DIR lets tests build a second site (the hostile fixture story) beside the real one.
		adapter: adapter({
			pages: process.env.BUILD_DIR ?? 'build',
			assets: process.env.BUILD_DIR ?? 'build',
			fallback: undefined,
			strict: true
		}),
		prerender: {
			// Our hashes are view state (`#passage=p3&map=…`), not element ids; anything else
			// that points at a missing id is still a broken link and fails the build.
			handleMissingId: ({ id, message }) => {
				if (/^(map|passage|layers|t)=/.test(id)) return;
				throw new Error(message);
			}
		}
	}
};

export default config;
