import { eventPageLoad } from '$lib/app/event-page-load';
import type { PageLoad } from './$types';

/** An event's embed view: the event page's data (the same event, part and head tags). */
export const load: PageLoad = (e) => eventPageLoad(e);
