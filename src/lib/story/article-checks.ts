/**
 * article.json: its schema, passage ids unique and numbered p1, p2, … in reading order, and a
 * checker for passage ids cited elsewhere.
 */
import type { Problem } from './problems';
import type { PassageText } from './passages';
import { article as articleSchema, passage as passageSchema, type Article } from './schema';
import { checkSchema } from './zod-issues';
import type { ParsedFile } from './input';
import { idOf, isRecord } from './raw';

export interface ArticleFindings {
	/** The validated article, when its schema check passed. */
	article?: Article;
	/** Passages known to exist (even when other parts of article.json are invalid); null when unknown. */
	passages: Map<string, PassageText> | null;
	/** Valid passages in order, with their `unmapped` note: for the "nobody cites it" check. */
	listed: { id: string; unmapped?: string }[];
}

export function checkArticle(
	input: ParsedFile | null,
	report: (problem: Problem) => void
): ArticleFindings {
	if (!input) return { passages: null, listed: [] };
	const { file, value } = input;
	const rawPassages = isRecord(value) && Array.isArray(value.passages) ? value.passages : undefined;
	const passageLabel = (index: number) => idOf(rawPassages?.[index]) ?? `passages[${index}]`;
	const result = checkSchema(articleSchema, value, {
		file,
		// Problems inside a passage are placed at the passage: `article.json › p3 › text`.
		featureId: (path) =>
			path[0] === 'passages' && typeof path[1] === 'number'
				? { featureId: passageLabel(path[1]), path: path.slice(2) }
				: { path }
	});
	if (!result.ok) result.problems.forEach(report);
	if (!rawPassages)
		return { article: result.ok ? result.data : undefined, passages: null, listed: [] };

	const passages = new Map<string, PassageText>();
	const listed: ArticleFindings['listed'] = [];
	const firstIndex = new Map<string, number>();
	rawPassages.forEach((raw, index) => {
		const id = idOf(raw);
		if (id === undefined) return;
		const at = (reason: string) => report({ file, featureId: id, field: 'id', reason });
		if (firstIndex.has(id))
			return at(`duplicate passage id (also passages[${firstIndex.get(id)}])`);
		firstIndex.set(id, index);
		const parsed = passageSchema.safeParse(raw);
		if (!parsed.success) {
			// Its own problem is reported above; it can still be cited and quoted.
			passages.set(id, { id, text: isRecord(raw) && typeof raw.text === 'string' ? raw.text : '' });
			return;
		}
		const expected = `p${index + 1}`;
		if (id !== expected)
			at(`expected "${expected}": passages are numbered p1, p2, … in reading order`);
		passages.set(id, parsed.data);
		listed.push({ id, unmapped: parsed.data.unmapped });
	});
	return { article: result.ok ? result.data : undefined, passages, listed };
}

/**
 * A function that reports cited passage ids the article does not have, as
 * `unknown passage "p9" (article.json has p1–p16)`. Checks nothing when the article is unknown.
 */
export function passageRefChecker(
	articleFile: string,
	passages: Map<string, PassageText> | null,
	report: (problem: Problem) => void
) {
	const ids = passages ? [...passages.keys()] : [];
	const span =
		ids.length === 0
			? 'no passages'
			: ids.length === 1
				? ids[0]
				: `${ids[0]}–${ids[ids.length - 1]}`;
	return (
		cited: readonly string[],
		where: { file: string; featureId?: string },
		field: (index: number) => string
	) => {
		if (!passages) return;
		cited.forEach((id, index) => {
			if (!passages.has(id)) {
				report({
					...where,
					field: field(index),
					reason: `unknown passage "${id}" (${articleFile} has ${span})`
				});
			}
		});
	};
}

export type PassageRefChecker = ReturnType<typeof passageRefChecker>;
