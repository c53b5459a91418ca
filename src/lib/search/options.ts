/**
 * The index's MiniSearch options: the build writes the index with them and the browser must
 * load it with the very same (MiniSearch does not serialise functions).
 */
import type { Options } from 'minisearch';
import { normaliseTerm } from './terms';
import type { SearchDoc } from './documents';

export const INDEX_OPTIONS: Options<SearchDoc> = {
	fields: ['title', 'places', 'kind', 'text'],
	storeFields: ['g', 't', 'd', 'l', 'v'],
	processTerm: (term) => normaliseTerm(term) || null,
	searchOptions: {
		// A word's beginning finds it; a single letter would match half of a large story.
		prefix: (term) => term.length >= 2,
		// One typo in words of 5 letters or more; shorter words are too easily another word.
		fuzzy: (term) => (term.length >= 5 ? 1 : 0),
		// A title match outranks the same words in a place name or the article.
		boost: { title: 3, places: 1.5 },
		combineWith: 'AND'
	}
};
