/**
 * The search index comes in parts (`/story/search-<k>.json`): each holds a run of the
 * story's events in date order (at most `partEvents`, the parts as even as can be), their
 * features, and part 0 the article's passages too. A large story's index is tens of megabytes: in parts
 * it arrives in parallel, its progress can be shown, and no single file has to be parsed in
 * one long task. Free of MiniSearch: the story's shell says how many parts there are.
 */

/** Events per part: about 1 MB gzip of index at the synthetic 100,000-event story's density. */
export const SEARCH_PART_EVENTS = 10_000;

/** How many parts a story of `events` events has (at least one: the article is searched). */
export function searchPartCount(events: number, partEvents = SEARCH_PART_EVENTS): number {
	return Math.max(1, Math.ceil(events / Math.max(1, partEvents)));
}

/**
 * The part holding the event of this rank (0 = the story's first event by date) in a story of
 * `events` events. The parts are as even as can be (100,001 events: 11 parts of 9,091 or
 * 9,090, not 10 of 10,000 and one of 1): each part weighs a word by how rare it is among its
 * own documents, so a tiny part would rank its few events unlike the rest.
 */
export function searchPartOf(
	rank: number,
	events: number,
	partEvents = SEARCH_PART_EVENTS
): number {
	const size = Math.ceil(events / searchPartCount(events, partEvents));
	return Math.floor(rank / size);
}

/** The year a date typed without one is in: the article's. */
export const storyYear = (articleDate: string) => Number(articleDate.slice(0, 4));
