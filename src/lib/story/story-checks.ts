/**
 * story.json: the story's kinds (built in, relabelled, recoloured or declared) resolved into
 * one `KindTable`, and its opening view. Colours must stand out on the land; kinds must not
 * look alike (checked once the features say which kinds are used: `checkKindLooks`).
 */
import { BASEMAP_COLOURS } from '../map/basemap-style';
import {
	BUILT_IN_KINDS,
	contrastRatio,
	KIND_PALETTE,
	lookOf,
	MIN_CONTRAST,
	type KindStyle,
	type KindTable
} from './kinds';
import type { ParsedFile } from './input';
import type { Problem } from './problems';
import { storyFile, type DeclaredKind, type StoryView } from './schema';
import { checkSchema } from './zod-issues';

/** Declared colours must stand out against the land the basemap draws. */
export const LAND_COLOUR = BASEMAP_COLOURS.land;

export interface StoryFindings {
	/** Built-in kinds, with the story's relabelling, plus its declared kinds (in story.json order). */
	kinds: KindTable;
	/** Ids declared in story.json (new or restyled built-ins), those with problems too. */
	declared: string[];
	/**
	 * Whether the table is the story's: false when story.json failed its schema, so that a
	 * kind it meant to declare is not also reported, feature by feature, as unknown.
	 */
	complete: boolean;
	view?: StoryView;
}

const hex = (colour: string) => colour.toUpperCase();

export function checkStoryFile(
	input: ParsedFile | null,
	report: (problem: Problem) => void
): StoryFindings {
	const kinds: KindTable = { ...BUILT_IN_KINDS };
	if (!input) return { kinds, declared: [], complete: true };
	const { file, value } = input;
	const result = checkSchema(storyFile, value, { file });
	if (!result.ok) {
		result.problems.forEach(report);
		return { kinds, declared: [], complete: false };
	}
	const declaredKinds = Object.entries(result.data.kinds ?? {});
	const at = (id: string, field: string, reason: string) =>
		report({ file, featureId: `kinds.${id}`, field, reason });

	// Colours the story's kinds name, so that a kind left without one takes a free one.
	const taken = new Set(
		declaredKinds.map(([, k]) => k.colour && hex(k.colour)).filter((c): c is string => !!c)
	);
	for (const [id, builtIn] of Object.entries(BUILT_IN_KINDS)) {
		if (!result.data.kinds?.[id]) taken.add(hex(builtIn.colour));
	}
	const nextColour = () => {
		const free = KIND_PALETTE.find((c) => !taken.has(hex(c))) ?? KIND_PALETTE[0];
		taken.add(hex(free));
		return free;
	};

	for (const [id, declared] of declaredKinds) {
		const style = resolveKind(id, declared, at, nextColour);
		if (style) kinds[id] = style;
	}

	const view = result.data.view;
	if (view) checkView(view, (field, reason) => report({ file, field, reason }));
	return { kinds, declared: declaredKinds.map(([id]) => id), view, complete: true };
}

function resolveKind(
	id: string,
	declared: DeclaredKind,
	at: (id: string, field: string, reason: string) => void,
	nextColour: () => string
): KindStyle | undefined {
	const builtIn = BUILT_IN_KINDS[id];
	if (declared.colour) {
		const ratio = contrastRatio(declared.colour, LAND_COLOUR);
		if (ratio < MIN_CONTRAST)
			at(
				id,
				'colour',
				`${declared.colour} has contrast ${ratio.toFixed(1)}:1 against the land (${LAND_COLOUR}); at least ${MIN_CONTRAST}:1 is needed to see it: pick a darker colour`
			);
	}
	if (builtIn) {
		// A built-in kind keeps how it is drawn; the story may rename or recolour it.
		for (const field of ['geometry', 'symbol', 'dashed', 'arrows', 'role'] as const) {
			if (declared[field] !== undefined)
				at(
					id,
					field,
					`"${id}" is a built-in kind: a story may change its label and colour only (declare a new kind to draw it differently)`
				);
		}
		return {
			...builtIn,
			...(declared.label ? { label: declared.label } : {}),
			...(declared.colour ? { colour: declared.colour } : {})
		};
	}
	let ok = true;
	if (!declared.label) {
		at(id, 'label', 'missing: a new kind needs the label the legend shows');
		ok = false;
	}
	if (!declared.geometry) {
		at(id, 'geometry', 'missing: a new kind is drawn as a "point", "line" or "area"');
		ok = false;
	}
	const geometry = declared.geometry;
	if (geometry !== 'point' && declared.symbol !== undefined)
		at(id, 'symbol', `only points have a symbol; this kind is drawn as ${geometry ?? 'nothing'}`);
	if (geometry !== 'line') {
		for (const field of ['dashed', 'arrows'] as const)
			if (declared[field] !== undefined)
				at(id, field, `only lines are ${field}; this kind is drawn as ${geometry ?? 'nothing'}`);
	}
	if (!ok || !geometry) return undefined;
	const style: KindStyle = {
		label: declared.label!,
		geometry,
		colour: declared.colour ?? nextColour(),
		role: declared.role ?? 'event'
	};
	if (geometry === 'point') style.symbol = declared.symbol ?? 'circle';
	if (geometry === 'line') {
		style.dashed = declared.dashed ?? false;
		if (declared.arrows) style.arrows = true;
	}
	return style;
}

function checkView(view: StoryView, at: (field: string, reason: string) => void) {
	const hasBBox = view.bbox !== undefined;
	const hasCentre = view.center !== undefined || view.zoom !== undefined;
	if (hasBBox === hasCentre) {
		at('view', 'give either "bbox": [west, south, east, north] or "center": [lng, lat] and "zoom"');
	} else if (view.bbox) {
		const [west, south, east, north] = view.bbox;
		if (west >= east) at('view.bbox', `west (${west}) must be less than east (${east})`);
		if (south >= north) at('view.bbox', `south (${south}) must be less than north (${north})`);
	} else if (view.center === undefined) at('view.center', 'missing: the zoom needs a centre');
	else if (view.zoom === undefined) at('view.zoom', 'missing: the centre needs a zoom');
}

/**
 * Kinds that look alike cannot be told apart: among the kinds the story uses and those it
 * declares, report each one whose geometry, mark and colour repeat an earlier one's.
 */
export function checkKindLooks(
	kinds: KindTable,
	used: Iterable<string>,
	declared: readonly string[],
	report: (problem: Problem) => void,
	file = 'story.json'
): void {
	const usedSet = new Set(used);
	const ids = new Set([...Object.keys(kinds).filter((id) => usedSet.has(id)), ...declared]);
	const seen = new Map<string, string>();
	for (const id of Object.keys(kinds)) {
		if (!ids.has(id)) continue;
		const look = lookOf(kinds[id]);
		const first = seen.get(look);
		if (first === undefined) seen.set(look, id);
		else if (declared.includes(id) || declared.includes(first)) {
			const who = declared.includes(id) ? id : first;
			const other = who === id ? first : id;
			report({
				file,
				featureId: `kinds.${who}`,
				reason: `looks the same as "${other}" (${look}): give it another colour${kinds[id].geometry === 'point' ? ' or symbol' : ''}`
			});
		}
	}
}
