/**
 * The search index comes in parts (`/story/search-<k>.json`): part k holds the events ranked
 * k × `partEvents` to (k + 1) × `partEvents` − 1 in the story's date order, their features,
 * and part 0 the article's passages too. A large story's index is tens of megabytes: in parts
 * it arrives in parallel, its progress can be shown, and no single file has to be parsed in
 * one long task. Free of MiniSearch: the story's shell says how many parts there are.
 */

/** Events per part: about 1 MB gzip of index at the synthetic 100,000-event story's density. */
export const SEARCH_PART_EVENTS = 10_000;

/** How many parts a story of `events` events has (at least one: the article is searched). */
export function searchPartCount(events: number, partEvents = SEARCH_PART_EVENTS): number {
	return Math.max(1, Math.ceil(events / Math.max(1, partEvents)));
}

/** The part holding the event of this rank (0 = the story's first event by date). */
export function searchPartOf(rank: number, partEvents = SEARCH_PART_EVENTS): number {
	return Math.floor(rank / Math.max(1, partEvents));
}

/** The year a date typed without one is in: the article's. */
export const storyYear = (articleDate: string) => Number(articleDate.slice(0, 4));
