/**
 * Checks of one feature against the rest of the story: its event and passages exist, its quote
 * is verbatim in one of them, dates are on the calendar, what is approximate says by how much,
 * claims say who claims them, countries exist and hold the geometry, derivations can be
 * carried out, and measured targets exist.
 */
import type { Geometry } from 'geojson';
import { sharedBorder } from '../geo/border';
import { greatCirclePath } from '../geo/great-circle';
import { pointToLineKm } from '../geo/measure';
import type { Countries, Country } from '../geo/natural-earth';
import type { PassageRefChecker } from './article-checks';
import { dateProblem } from './dates';
import {
	checkContainment,
	checkCoordinates,
	checkRings,
	listNames,
	rangeProblem
} from './geometry-checks';
import type { FeatureEntry } from './layer-checks';
import { nearMiss, type PassageText } from './passages';
import type { Problem } from './problems';
import type { Derivation, StoryFeature } from './schema';
import { didYouMean } from './suggest';
import { isRecord } from './raw';
import { geometry as geometrySchema } from './schema';
import type { KindTable } from './kinds';

/** How far a great circle's `via` point may lie from the path before the split means nothing. */
export const MAX_VIA_OFFSET_KM = 50;

export interface FeatureContext {
	countries: Countries;
	report: (problem: Problem) => void;
	/** null when article.json could not be read. */
	passages: Map<string, PassageText> | null;
	checkPassages: PassageRefChecker;
	/** null when events.json could not be read. */
	eventIds: Set<string> | null;
	eventFile: string;
	featuresById: Map<string, FeatureEntry>;
	/** Every layer file was read: "unknown feature" means what it says. */
	complete: boolean;
	/** Built-in and declared kinds (story.json). */
	kinds: KindTable;
	/** Kinds not to report as unknown: story.json's problems already explain them. */
	excused: (kind: string) => boolean;
	/** The file kinds are declared in, for messages. */
	storyFile: string;
}

export function checkFeature(
	{ file, id, feature }: Required<FeatureEntry>,
	ctx: FeatureContext
): void {
	const p = feature.properties;
	const at = (field: string, reason: string) => ctx.report({ file, featureId: id, field, reason });

	if (ctx.eventIds && !ctx.eventIds.has(p.event)) {
		at(
			'properties.event',
			`unknown event "${p.event}"${didYouMean(p.event, ctx.eventIds)}; events are listed in ${ctx.eventFile}`
		);
	}
	ctx.checkPassages(p.passages, { file, featureId: id }, (i) => `properties.passages[${i}]`);
	p.figures?.forEach((figure, i) => {
		if (figure.passage)
			ctx.checkPassages(
				[figure.passage],
				{ file, featureId: id },
				() => `properties.figures[${i}].passage`
			);
	});
	const quoteProblem = checkQuote(p.passages, p.quote, ctx.passages);
	if (quoteProblem) at('properties.quote', quoteProblem);

	const date = dateProblem(p.date);
	if (date) at('properties.date', date);
	const claimDate = p.claimDate === undefined ? undefined : dateProblem(p.claimDate);
	if (claimDate) at('properties.claimDate', claimDate);
	if (p.precision !== 'exact' && p.uncertaintyKm === undefined) {
		at(
			'properties.uncertaintyKm',
			`required when precision is "${p.precision}": how far (km) the truth may be from the point`
		);
	}
	const style = ctx.kinds[p.kind];
	if (!style) {
		// A kind story.json meant to declare, with problems there, is not reported again here.
		if (!ctx.excused(p.kind)) {
			const known = Object.keys(ctx.kinds);
			at(
				'properties.kind',
				`unknown kind "${p.kind}"${didYouMean(p.kind, known)}: the kinds are ${known.join(', ')}; declare new ones in ${ctx.storyFile}`
			);
		}
	} else if (style.claimed && p.claimedBy === undefined) {
		at('properties.claimedBy', `required for kind "${p.kind}": who makes the claim`);
	}

	if (p.derive) {
		if (feature.geometry !== null)
			at('geometry', 'must be null when properties.derive is given: the loader derives it');
		checkDerivation(p.derive, at, ctx);
		checkPlace(null, p.country, p.waters, at, ctx);
	} else if (feature.geometry === null) {
		at(
			'geometry',
			'missing: give coordinates, or properties.derive to have the loader derive them'
		);
		checkPlace(null, p.country, p.waters, at, ctx);
	} else checkPlace(feature.geometry as Geometry, p.country, p.waters, at, ctx);

	if (feature.geometry?.type === 'Point' && p.precision !== 'exact') {
		const taken = ctx.featuresById.get(`${id}-uncertainty`);
		if (taken) {
			ctx.report({
				file: taken.file,
				featureId: taken.id,
				field: 'id',
				reason: `taken by the uncertainty circle the loader derives for "${id}": rename it`
			});
		}
	}

	checkMeasures(feature, at, ctx);
}

/**
 * The countries and waters a feature names, and its geometry against them: coordinates in
 * range, rings, every position in a named country or, with `waters`, at sea.
 */
function checkPlace(
	geometry: Geometry | null,
	country: string | string[],
	waters: string | undefined,
	at: (field: string, reason: string) => void,
	ctx: Pick<FeatureContext, 'countries'>
): void {
	const names = Array.isArray(country) ? country : [country];
	const named: Country[] = [];
	names.forEach((name, i) => {
		const found = ctx.countries.byName.get(name);
		if (found) named.push(found);
		else
			at(
				Array.isArray(country) ? `properties.country[${i}]` : 'properties.country',
				unknownCountry(name, ctx.countries)
			);
	});
	if (names.length === 0 && waters === undefined)
		at(
			'properties.country',
			'names no country: name one, or give "waters" (the sea it lies in) for a place at sea'
		);
	if (!geometry) return;
	const findings = [...checkCoordinates(geometry, named), ...checkRings(geometry)];
	// Against the named countries only when all are known (else every vertex would be "outside").
	if (named.length === names.length)
		findings.push(...checkContainment(geometry, named, ctx.countries, waters !== undefined));
	findings.forEach((finding) => at(finding.field, finding.reason));
}

/**
 * A feature that failed its schema is still placed, where its geometry and its countries can
 * be read: one run reports every problem, not the schema's first and the rest next time.
 */
export function checkFailedFeaturePlace(
	{ file, id, raw }: FeatureEntry & { raw: unknown },
	ctx: Pick<FeatureContext, 'countries' | 'report'>
): void {
	if (!isRecord(raw)) return;
	const parsed = geometrySchema.safeParse(raw.geometry);
	if (!parsed.success) return;
	const props = isRecord(raw.properties) ? raw.properties : {};
	const country = props.country;
	const names =
		typeof country === 'string' && country !== ''
			? country
			: Array.isArray(country) && country.every((c) => typeof c === 'string' && c !== '')
				? (country as string[])
				: undefined;
	const waters = typeof props.waters === 'string' && props.waters !== '' ? props.waters : undefined;
	if (names === undefined) return;
	// Geometry and country names that passed the schema: nothing here repeats its problems.
	const at = (field: string, reason: string) => ctx.report({ file, featureId: id, field, reason });
	checkPlace(parsed.data as Geometry, names, waters, at, ctx);
}

/** Why a quote is not verbatim in any of the cited passages that exist, or undefined. */
function checkQuote(
	cited: readonly string[],
	quote: string,
	passages: Map<string, PassageText> | null
): string | undefined {
	if (!passages) return undefined;
	const texts = cited
		.filter((id) => passages.has(id))
		.map((id) => ({ id, text: passages.get(id)!.text }));
	if (texts.length === 0 || texts.some(({ text }) => text.includes(quote))) return undefined;
	const hint = texts.map(({ text }) => nearMiss(text, quote)).find(Boolean);
	return `not found verbatim in ${listNames(texts.map(({ id }) => id))}${hint ? ` (${hint})` : ''}`;
}

const unknownCountry = (name: string, countries: Countries) =>
	`unknown country "${name}"${didYouMean(name, countries.byName.keys())}; use ${countries.label} names`;

function checkDerivation(
	derive: Derivation,
	at: (field: string, reason: string) => void,
	ctx: FeatureContext
) {
	if (derive.op === 'border') {
		const [a, b] = derive.countries;
		let known = true;
		derive.countries.forEach((name, i) => {
			if (ctx.countries.byName.has(name)) return;
			known = false;
			at(`properties.derive.countries[${i}]`, unknownCountry(name, ctx.countries));
		});
		if (!known) return;
		if (a === b)
			at('properties.derive.countries', `a border needs two different countries, not "${a}" twice`);
		else if (!sharedBorder(ctx.countries, a, b))
			at('properties.derive.countries', `${a} and ${b} share no border in ${ctx.countries.label}`);
		return;
	}

	const points: Partial<Record<'from' | 'to' | 'via', number[]>> = {};
	for (const end of ['from', 'to', 'via'] as const) {
		const ref = derive[end];
		if (ref === undefined) continue;
		const target = ctx.featuresById.get(ref);
		if (!target) {
			if (ctx.complete)
				at(
					`properties.derive.${end}`,
					`unknown feature "${ref}"${didYouMean(ref, ctx.featuresById.keys())}`
				);
			continue;
		}
		const geometry = target.feature?.geometry;
		if (!target.feature) continue; // its own schema problem is reported
		if (geometry?.type !== 'Point') {
			at(
				`properties.derive.${end}`,
				`"${ref}" is ${geometry ? `a ${geometry.type}` : 'derived'}; the great circle needs a Point feature`
			);
		} else if (rangeProblem(geometry.coordinates) === undefined) points[end] = geometry.coordinates;
	}
	if (derive.part !== 'whole' && derive.via === undefined) {
		at(
			'properties.derive.via',
			`required when part is "${derive.part}": the point where the path is split`
		);
	}
	const { from, to, via } = points;
	if (derive.from === derive.to) at('properties.derive.to', 'must differ from "from"');
	else if (from && to && from[0] === to[0] && from[1] === to[1]) {
		at(
			'properties.derive.to',
			`"${derive.to}" is at the same place as "${derive.from}": no great circle joins them`
		);
	} else if (from && to && via) {
		const offset = pointToLineKm(via, greatCirclePath(from, to));
		if (offset > MAX_VIA_OFFSET_KM) {
			at(
				'properties.derive.via',
				`"${derive.via}" is ${Math.round(offset)} km from the great circle from "${derive.from}" to "${derive.to}" (at most ${MAX_VIA_OFFSET_KM} km): the split would not mean anything`
			);
		}
	}
}

function checkMeasures(
	feature: StoryFeature,
	at: (field: string, reason: string) => void,
	ctx: FeatureContext
) {
	feature.properties.measure?.forEach((m, i) => {
		if (!ctx.featuresById.has(m.target)) {
			if (ctx.complete)
				at(
					`properties.measure[${i}].target`,
					`unknown feature "${m.target}"${didYouMean(m.target, ctx.featuresById.keys())}`
				);
		} else if (m.target === feature.id)
			at(`properties.measure[${i}].target`, 'a feature cannot measure the distance to itself');
		if (feature.properties.derive)
			at(
				`properties.measure[${i}]`,
				'distances are measured from an authored Point, not a derived line'
			);
		else if (feature.geometry !== null && feature.geometry.type !== 'Point') {
			at(
				`properties.measure[${i}]`,
				`distances are measured from a Point; this feature is a ${feature.geometry.type}`
			);
		}
	});
}
