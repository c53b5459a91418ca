import { eventPageLoad } from '$lib/app/event-page-load';
import type { PageLoad } from './$types';

/** The event and the index part it is in (`$lib/app/event-page-load`). */
export const load: PageLoad = (e) => eventPageLoad(e);
