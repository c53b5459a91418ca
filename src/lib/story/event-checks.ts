/** events.json: schema, unique ids, dates on the calendar with a start, passages that exist. */
import type { PassageRefChecker } from './article-checks';
import { dateProblem, parseStoryDate } from './dates';
import type { Problem } from './problems';
import { idOf, isRecord } from './raw';
import { eventsFile, storyEvent, type StoryEventData } from './schema';
import type { ParsedFile } from './input';
import { checkSchema } from './zod-issues';

/** Ids that name something else in the URL space: `/og/story.png` is the whole story's picture. */
export const RESERVED_EVENT_IDS = ['story'];

export interface EventFindings {
	/** Events that passed their schema check. */
	events: StoryEventData[];
	/** Every event id in the file (valid or not); null when events.json could not be read. */
	ids: Set<string> | null;
}

export function checkEvents(
	input: ParsedFile | null,
	checkPassages: PassageRefChecker,
	report: (problem: Problem) => void
): EventFindings {
	if (!input) return { events: [], ids: null };
	const { file, value } = input;
	const top = checkSchema(eventsFile, value, { file });
	if (!top.ok) top.problems.forEach(report);
	const rawEvents = isRecord(value) && Array.isArray(value.events) ? value.events : undefined;
	if (!rawEvents) return { events: [], ids: null };

	const events: StoryEventData[] = [];
	const ids = new Set<string>();
	rawEvents.forEach((raw, index) => {
		const id = idOf(raw);
		const featureId = id ?? `events[${index}]`;
		if (id !== undefined) {
			if (ids.has(id)) report({ file, featureId: id, field: 'id', reason: 'duplicate event id' });
			if (RESERVED_EVENT_IDS.includes(id))
				report({
					file,
					featureId: id,
					field: 'id',
					reason: `"${id}" is reserved (the story's own preview image is /og/${id}.png)`
				});
			ids.add(id);
		}
		const result = checkSchema(storyEvent, raw, { file, featureId });
		if (!result.ok) return result.problems.forEach(report);
		const event = result.data;
		const problem = dateProblem(event.date);
		if (problem) report({ file, featureId, field: 'date', reason: problem });
		else if (parseStoryDate(event.date).start === null) {
			report({
				file,
				featureId,
				field: 'date',
				reason: `"${event.date}" has no start: an event needs a start date to be placed in time`
			});
		}
		checkPassages(event.passages, { file, featureId }, (i) => `passages[${i}]`);
		event.figures?.forEach((figure, i) => {
			if (figure.passage)
				checkPassages([figure.passage], { file, featureId }, () => `figures[${i}].passage`);
		});
		events.push(event);
	});
	return { events, ids };
}
