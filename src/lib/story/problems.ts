/**
 * A problem found in the story data, and the error that lists them all.
 *
 * Every check reports where the problem is as `file › id › field: reason`, so that an author
 * can find it without reading code: `routes.geojson › western-route › properties.precision: …`.
 * The build fails once, with every problem listed, rather than on the first one.
 */

export interface Problem {
	/** The file, relative to the story directory: `article.json`, `routes.geojson`. */
	file: string;
	/** The id of the thing inside the file: a feature, event or passage id (or `features[3]` when it has none). */
	featureId?: string;
	/** Where in that thing: a dotted path such as `properties.passages[1]` or `geometry.coordinates[0][3]`. */
	field?: string;
	/** What is wrong, and where it helps, how to fix it. */
	reason: string;
}

/** `file › feature id › field: reason`, leaving out the parts a problem does not have. */
export function formatProblem(problem: Problem): string {
	const where = [problem.file, problem.featureId, problem.field].filter(
		(part): part is string => part !== undefined && part !== ''
	);
	return `${where.join(' › ')}: ${problem.reason}`;
}

/** Stable order for reports: by file, then in the order the checks found them. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
	return problems
		.map((problem, index) => ({ problem, index }))
		.sort((a, b) => compareFiles(a.problem.file, b.problem.file) || a.index - b.index)
		.map(({ problem }) => problem);
}

/** story.json, article.json, events.json, then the layers by name: the order an author reads them. */
function compareFiles(a: string, b: string): number {
	const rank = (file: string) =>
		file === 'story.json' ? -1 : file === 'article.json' ? 0 : file === 'events.json' ? 1 : 2;
	return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Header line of a report: "1 problem in the story data:" / "3 problems in the story data:". */
export function problemsHeader(count: number): string {
	return `${count} ${count === 1 ? 'problem' : 'problems'} in the story data:`;
}

/** Thrown by the loader when the story data has problems. The message lists every one of them. */
export class StoryError extends Error {
	readonly problems: readonly Problem[];

	constructor(problems: readonly Problem[]) {
		const sorted = sortProblems(problems);
		super([problemsHeader(sorted.length), ...sorted.map(formatProblem)].join('\n'));
		this.name = 'StoryError';
		this.problems = sorted;
	}

	/** The problem lines without the header, one string per problem. */
	get lines(): string[] {
		return this.problems.map(formatProblem);
	}
}
