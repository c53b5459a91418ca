/**
 * Lookups over a compiled story, built once per story and kept while it lives (a `WeakMap`):
 * the build asks for one event, or one event's features, once per prerendered file, and a
 * scan of the story each time made a large story's build grow as pages × events.
 */
import type { CompiledEvent, CompiledFeature, CompiledLayer, CompiledStory } from './compiled';

/** A feature with the layer it is drawn in. */
export type LayeredFeature = { layer: CompiledLayer; feature: CompiledFeature };

interface Lookups {
	events: Map<string, CompiledEvent>;
	features: Map<string, LayeredFeature[]>;
}

const cache = new WeakMap<CompiledStory, Lookups>();

function lookups(story: CompiledStory): Lookups {
	let found = cache.get(story);
	if (found) return found;
	const features = new Map<string, LayeredFeature[]>();
	for (const layer of story.layers) {
		for (const feature of layer.data.features as CompiledFeature[]) {
			const list = features.get(feature.properties.event);
			const entry = { layer, feature };
			if (list) list.push(entry);
			else features.set(feature.properties.event, [entry]);
		}
	}
	found = { events: new Map(story.events.map((e) => [e.id, e])), features };
	cache.set(story, found);
	return found;
}

/** The event with this id, if the story has it. */
export function eventById(story: CompiledStory, id: string): CompiledEvent | undefined {
	return lookups(story).events.get(id);
}

/** An event's features (uncertainty areas included) with their layers, in layer (draw) order. */
export function featuresOfEvent(story: CompiledStory, id: string): readonly LayeredFeature[] {
	return lookups(story).features.get(id) ?? [];
}
