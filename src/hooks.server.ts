/**
 * The build's one hook: each prerendered page gets the head tags that crawlers and chat apps
 * read (`$lib/server/head/head-tags`), written into its HTML rather than computed again by
 * the page's script in the browser.
 */
import type { Handle } from '@sveltejs/kit';
import { headTags } from '$lib/server/head/head-tags';

export const handle: Handle = async ({ event, resolve }) => {
	const tags = await headTags(event.route.id, event.params);
	if (!tags) return resolve(event);
	return resolve(event, {
		transformPageChunk: ({ html }) => html.replace('</head>', `${tags}</head>`)
	});
};
