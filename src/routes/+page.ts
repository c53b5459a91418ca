import { storyPageLoad } from '$lib/app/story-page-load';
import type { PageLoad } from './$types';

/** The home page's head tags. */
export const load: PageLoad = (e) => storyPageLoad(e);
