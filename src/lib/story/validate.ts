/**
 * Validation of a story's parsed files: the schema (zod) of every file, then everything that
 * needs more than one value: unique ids, references between files (events, passages, features),
 * quotes found verbatim in their passages, dates on the calendar, coordinates inside the
 * countries they name, and derivations that can be carried out.
 *
 * Pure: it takes the parsed JSON and the Natural Earth countries, and returns every problem it
 * finds (never only the first), with the validated story when there are none.
 */
import type { Countries } from '../geo/natural-earth';
import { checkArticle, passageRefChecker } from './article-checks';
import { checkEvents } from './event-checks';
import { checkFailedFeaturePlace, checkFeature } from './feature-checks';
import { checkKindLooks, checkStoryFile } from './story-checks';
import { didYouMean } from './suggest';
import type { StoryInput, ValidStory } from './input';
import { checkLayers } from './layer-checks';
import type { Problem } from './problems';

export type { ParsedFile, StoryInput, ValidLayer, ValidStory } from './input';
export { UNCERTAINTY_LAYER } from './compiled';
export { MAX_VIA_OFFSET_KM } from './feature-checks';

/** Validate a whole story. `problems` is empty exactly when `story` is given. */
export function validateStory(
	input: StoryInput,
	countries: Countries
): { problems: Problem[]; story: ValidStory | null } {
	const problems: Problem[] = [];
	const report = (problem: Problem) => problems.push(problem);
	const articleFile = input.article?.file ?? 'article.json';
	const eventFile = input.events?.file ?? 'events.json';
	const unreadable = input.unreadableLayers ?? [];
	/** Every layer file was read: "unknown feature" and "nobody cites" mean what they say. */
	const complete = unreadable.length === 0;

	const storyFile = input.story?.file ?? 'story.json';
	const storyKinds = checkStoryFile(input.story ?? null, report);
	const { kinds, declared, view } = storyKinds;
	const { article, passages, listed } = checkArticle(input.article, report);
	const checkPassages = passageRefChecker(articleFile, passages, report);
	const { events, ids: eventIds } = checkEvents(input.events, checkPassages, report);
	const found = checkLayers(input.layers, report);
	if (input.layers.length === 0 && complete) {
		report({
			file: '*.geojson',
			reason: 'no layer files: the story needs at least one <layer-id>.geojson'
		});
	}

	const context = {
		countries,
		report,
		passages,
		checkPassages,
		eventIds,
		eventFile,
		featuresById: found.byId,
		complete,
		kinds,
		// Ids story.json declares (even with problems), or every id when it could not be read:
		// features of those kinds are not reported again as of an unknown kind.
		excused: (kind: string) =>
			declared.includes(kind) || !storyKinds.complete || input.storyUnreadable === true,
		storyFile
	};
	for (const entry of found.checked) checkFeature(entry, context);
	for (const entry of found.failed) checkFailedFeaturePlace(entry, context);
	checkKindLooks(
		kinds,
		found.checked.map((entry) => entry.feature.properties.kind),
		declared,
		report,
		storyFile
	);

	// The feature an event's page opens exists and belongs to the event.
	for (const event of events) {
		if (event.feature === undefined) continue;
		const target = found.byId.get(event.feature);
		const at = (reason: string) =>
			report({ file: eventFile, featureId: event.id, field: 'feature', reason });
		if (!target) {
			if (complete)
				at(`unknown feature "${event.feature}"${didYouMean(event.feature, found.byId.keys())}`);
		} else if (target.feature && target.feature.properties.event !== event.id) {
			at(
				`"${event.feature}" belongs to event "${target.feature.properties.event}", not to this one`
			);
		}
	}

	// Coverage: every passage is on the map or says why not; every event has a feature.
	if (input.article && complete) {
		for (const { id, unmapped } of listed) {
			const citing = found.cited.get(id);
			const at = (reason: string) =>
				report({ file: articleFile, featureId: id, field: 'unmapped', reason });
			if (!citing && unmapped === undefined) {
				at(
					'no feature cites this passage: link one, or say in "unmapped" why it has no place on the map'
				);
			} else if (citing && unmapped !== undefined) {
				const list = citing.map((fid) => `"${fid}"`);
				const who =
					list.length === 1
						? `${list[0]} cites`
						: `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]} cite`;
				at(`says the passage is unmapped, but ${who} it`);
			}
		}
	}
	if (input.events && input.layers.length > 0 && complete) {
		for (const event of events) {
			if (!found.eventsWithFeatures.has(event.id)) {
				report({
					file: eventFile,
					featureId: event.id,
					reason: 'no feature belongs to this event, so the map cannot show it'
				});
			}
		}
	}

	if (problems.length > 0 || !article || !input.events) return { problems, story: null };
	return { problems, story: { kinds, view, article, events, layers: found.layers } };
}
