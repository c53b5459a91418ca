/**
 * Validated story → the compiled story the app renders. Pure. Derives with Turf what the data
 * asks for instead of an author drawing it: great-circle paths, shared borders, uncertainty
 * circles, line lengths and measured distances; then frames every event and the whole story.
 *
 * Call only with the output of `validateStory` (references are assumed to resolve).
 */
import type { Feature, Geometry, Point, Position } from 'geojson';
import { framingBBox, viewBBox } from '../geo/bounds';
import { sharedBorder } from '../geo/border';
import { greatCirclePath, splitLineNear } from '../geo/great-circle';
import { lineLengthKm, pointToGeometryKm, roundKm } from '../geo/measure';
import type { Countries } from '../geo/natural-earth';
import { uncertaintyCircle } from '../geo/uncertainty';
import {
	UNCERTAINTY_LAYER,
	type BBox,
	type CompiledEvent,
	type CompiledFeature,
	type CompiledLayer,
	type CompiledProperties,
	type CompiledStory
} from './compiled';
import { compareRanges, parseStoryDate } from './dates';
import { isEventKind, PLACE_KIND, UNCERTAINTY_KIND, type KindTable } from './kinds';
import type { Derivation, StoryFeature, StoryView } from './schema';
import type { ValidLayer, ValidStory } from './input';

export const UNCERTAINTY_TITLE = 'Location uncertainty';

/** Padding of an event's frame (fraction of its size per side), and of the story's. */
const EVENT_PAD = { fraction: 0.1, minHalfSpanKm: 1 };
const STORY_PAD = { fraction: 0.05, minHalfSpanKm: 1 };

const byOrder = (a: { order: number; id: string }, b: { order: number; id: string }) =>
	a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function compileStory(story: ValidStory, countries: Countries): CompiledStory {
	const authored = new Map<string, StoryFeature>();
	for (const layer of story.layers)
		for (const feature of layer.features) authored.set(feature.id, feature);
	const nameOf = (id: string) => {
		const p = authored.get(id)?.properties;
		return p?.label || p?.title || id;
	};
	const pointOf = (id: string): Position => (authored.get(id)?.geometry as Point).coordinates;

	/** Geometry derived from instructions, with the sentence that says how. */
	const derive = (derivation: Derivation): { geometry: Geometry; derivedFrom: string } => {
		if (derivation.op === 'border') {
			const [a, b] = derivation.countries;
			const geometry = sharedBorder(countries, a, b);
			if (!geometry)
				throw new Error(`${a} and ${b} share no border: validate the story before compiling it`);
			return { geometry, derivedFrom: `${countries.label} shared border of ${a} and ${b}` };
		}
		const whole = greatCirclePath(pointOf(derivation.from), pointOf(derivation.to));
		const path = `great circle from ${nameOf(derivation.from)} to ${nameOf(derivation.to)}`;
		if (derivation.part === 'whole' || derivation.via === undefined)
			return { geometry: whole, derivedFrom: path };
		const split = splitLineNear(whole, pointOf(derivation.via));
		return derivation.part === 'to-via'
			? {
					geometry: split.flown,
					derivedFrom: `${path}, up to its point nearest ${nameOf(derivation.via)}`
				}
			: {
					geometry: split.unflown,
					derivedFrom: `${path}, from its point nearest ${nameOf(derivation.via)}`
				};
	};

	// Layers and their features, in draw order; the uncertainty layer is added below them.
	const authoredLayers = [...story.layers].sort(byOrder);
	const compiledById = new Map<string, CompiledFeature>();
	const layers: CompiledLayer[] = authoredLayers.map((layer) =>
		compileLayer(layer, derive, compiledById, story.kinds)
	);

	// Distances the data asked for, once every geometry exists.
	for (const layer of authoredLayers) {
		for (const feature of layer.features) {
			const requests = feature.properties.measure;
			if (!requests?.length) continue;
			const compiled = compiledById.get(feature.id)!;
			const from = (compiled.geometry as Point).coordinates;
			compiled.properties.measurements = requests.map((m) => ({
				label: m.label,
				km: roundKm(pointToGeometryKm(from, compiledById.get(m.target)!.geometry) ?? NaN)
			}));
		}
	}

	const circles = uncertaintyFeatures(authoredLayers);
	if (circles.length > 0) {
		const lowest = Math.min(...layers.map((layer) => layer.order));
		circles.forEach((feature) => compiledById.set(feature.id, feature));
		layers.unshift({
			id: UNCERTAINTY_LAYER,
			title: UNCERTAINTY_TITLE,
			order: lowest - 1,
			cluster: false,
			hidden: false,
			kinds: [UNCERTAINTY_KIND],
			data: { type: 'FeatureCollection', features: circles }
		});
	}

	const allFeatures = layers.flatMap((layer) => layer.data.features as CompiledFeature[]);
	// Group once, in layer order: filtering all features per event was events × features.
	const byEvent = new Map<string, CompiledFeature[]>();
	for (const feature of allFeatures) {
		const list = byEvent.get(feature.properties.event);
		if (list) list.push(feature);
		else byEvent.set(feature.properties.event, [feature]);
	}
	const events = story.events
		.map((event): CompiledEvent => {
			const own = byEvent.get(event.id) ?? [];
			const { start, end } = parseStoryDate(event.date);
			const featureIds = own
				.filter((f) => f.properties.layer !== UNCERTAINTY_LAYER)
				.map((f) => f.id);
			return {
				...structuredClone(event),
				bbox: (framingBBox(
					framed(own, story.kinds).map((f) => f.geometry),
					EVENT_PAD
				) ?? [0, 0, 0, 0]) as BBox,
				featureIds,
				feature:
					event.feature ??
					featureIds.find((id) =>
						isEventKind(story.kinds, compiledById.get(id)!.properties.kind)
					) ??
					featureIds[0],
				start: start!,
				end
			};
		})
		.sort((a, b) => compareRanges(a, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

	const used = new Set(allFeatures.map((f) => f.properties.kind));
	return {
		article: structuredClone(story.article),
		events,
		layers,
		bbox:
			openingFrame(story.view) ??
			((framingBBox(
				allFeatures.map((f) => f.geometry),
				STORY_PAD
			) ?? [-180, -85, 180, 85]) as BBox),
		kinds: Object.fromEntries(Object.entries(story.kinds).filter(([id]) => used.has(id)))
	};
}

/** story.json's view as the frame it shows (a centre and zoom: as in the preview image's window). */
function openingFrame(view: StoryView | undefined): BBox | undefined {
	if (view?.bbox) return [...view.bbox];
	if (view?.center && view.zoom !== undefined) return viewBBox(view.center, view.zoom);
	return undefined;
}

function compileLayer(
	layer: ValidLayer,
	derive: (derivation: Derivation) => { geometry: Geometry; derivedFrom: string },
	compiledById: Map<string, CompiledFeature>,
	kinds: KindTable
): CompiledLayer {
	const features = layer.features.map((feature): CompiledFeature => {
		// `measure` is carried out below, once every geometry exists.
		const { derive: derivation, measure: _measure, ...rest } = structuredClone(feature.properties);
		const made = derivation
			? derive(derivation)
			: { geometry: structuredClone(feature.geometry) as Geometry, derivedFrom: undefined };
		const properties: CompiledProperties = { ...rest, fid: feature.id, layer: layer.id };
		if (made.derivedFrom) properties.derivedFrom = made.derivedFrom;
		if (made.geometry.type === 'LineString' || made.geometry.type === 'MultiLineString') {
			properties.lengthKm = roundKm(lineLengthKm(made.geometry));
		}
		const compiled: CompiledFeature = {
			type: 'Feature',
			id: feature.id,
			geometry: made.geometry,
			properties
		};
		compiledById.set(feature.id, compiled);
		return compiled;
	});
	const present = new Set(features.map((f) => f.properties.kind));
	return {
		id: layer.id,
		title: layer.title,
		...(layer.description === undefined ? {} : { description: layer.description }),
		order: layer.order,
		cluster: layer.cluster,
		hidden: layer.hidden,
		kinds: Object.keys(kinds).filter((kind) => present.has(kind)),
		data: { type: 'FeatureCollection', features }
	};
}

/**
 * The features an event is framed on: those of `event` kinds (and the circles of doubt around
 * them), unless context is all it has. Context (a whole border, the leg never flown, a place
 * label) sets an event in context without being where it happened: framing on it zooms out
 * too far.
 */
function framed(own: CompiledFeature[], kinds: KindTable): CompiledFeature[] {
	const main = own.filter(
		(f) => f.properties.kind === UNCERTAINTY_KIND || isEventKind(kinds, f.properties.kind)
	);
	return main.length > 0 ? main : own;
}

/**
 * One circle of `uncertaintyKm` under every authored Point that is not exact. Place labels
 * get none: a label's spread is not doubt about where something happened.
 */
function uncertaintyFeatures(layers: ValidLayer[]): CompiledFeature[] {
	const circles: CompiledFeature[] = [];
	for (const layer of layers) {
		for (const feature of layer.features) {
			const p = feature.properties;
			if (
				feature.geometry?.type !== 'Point' ||
				p.kind === PLACE_KIND ||
				p.precision === 'exact' ||
				p.uncertaintyKm === undefined
			)
				continue;
			const id = `${feature.id}-uncertainty`;
			const properties: CompiledProperties = {
				fid: id,
				layer: UNCERTAINTY_LAYER,
				of: feature.id,
				event: p.event,
				title: `Uncertainty: ${p.title}`,
				kind: UNCERTAINTY_KIND,
				date: p.date,
				country: structuredClone(p.country),
				passages: [...p.passages],
				quote: p.quote,
				precision: p.precision,
				uncertaintyKm: p.uncertaintyKm,
				sources: structuredClone(p.sources)
			};
			if (p.claimedBy !== undefined) properties.claimedBy = p.claimedBy;
			if (p.claimDate !== undefined) properties.claimDate = p.claimDate;
			const circle: Feature<Geometry, CompiledProperties> & { id: string } = {
				type: 'Feature',
				id,
				geometry: uncertaintyCircle(feature.geometry.coordinates, p.uncertaintyKm),
				properties
			};
			circles.push(circle);
		}
	}
	return circles;
}
