import { storyPageLoad } from '$lib/app/story-page-load';
import type { PageLoad } from './$types';

/** The story's embed view: the home page's data (its head tags name the full page). */
export const load: PageLoad = (e) => storyPageLoad(e);
