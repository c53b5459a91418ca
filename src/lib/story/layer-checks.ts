/**
 * The layer files: layer ids (from file names), each file's schema, each feature's schema, and
 * feature ids unique across all files. Also notes what every feature cites, read even from
 * features that fail their schema, so that one bad field does not make passages and events
 * look unlinked.
 */
import type { Problem } from './problems';
import { idOf, isRecord } from './raw';
import { feature as featureSchema, layerFile, slug, type StoryFeature } from './schema';
import { UNCERTAINTY_LAYER } from './compiled';
import type { ParsedFile, ValidLayer } from './input';
import { checkSchema } from './zod-issues';

/** A feature as the cross-checks know it: where it is, and what it is when its schema passed. */
export interface FeatureEntry {
	file: string;
	id: string;
	feature?: StoryFeature;
}

export interface LayerFindings {
	/** Layers whose own fields are valid, with their valid features. */
	layers: ValidLayer[];
	/** Every feature that passed its schema check, in file order (duplicates too: each is checked). */
	checked: Required<FeatureEntry>[];
	/** Features that failed it, as parsed: their place is still checked where it can be read. */
	failed: (FeatureEntry & { raw: unknown })[];
	/** The first feature with each id. */
	byId: Map<string, FeatureEntry>;
	/** Passage id → ids of the features that cite it. */
	cited: Map<string, string[]>;
	/** Event ids that at least one feature belongs to. */
	eventsWithFeatures: Set<string>;
}

export function checkLayers(
	inputs: (ParsedFile & { id: string })[],
	report: (problem: Problem) => void
): LayerFindings {
	const found: LayerFindings = {
		layers: [],
		checked: [],
		failed: [],
		byId: new Map(),
		cited: new Map(),
		eventsWithFeatures: new Set()
	};
	for (const { file, value, id: layerId } of inputs) {
		if (!slug.safeParse(layerId).success) {
			report({
				file,
				reason: `the file name makes the layer id "${layerId}", which must be kebab-case (it goes into share links): rename the file`
			});
		} else if (layerId === UNCERTAINTY_LAYER) {
			report({
				file,
				reason: `the layer id "${UNCERTAINTY_LAYER}" is reserved for the uncertainty circles the loader derives: rename the file`
			});
		}
		const top = checkSchema(layerFile, value, { file });
		if (!top.ok) top.problems.forEach(report);
		const rawFeatures = isRecord(value) && Array.isArray(value.features) ? value.features : [];
		const features: StoryFeature[] = [];
		rawFeatures.forEach((raw, index) => {
			const id = idOf(raw);
			const featureId = id ?? `features[${index}]`;
			const entry: FeatureEntry = { file, id: featureId };
			if (id !== undefined) {
				const first = found.byId.get(id);
				if (first)
					report({
						file,
						featureId: id,
						field: 'id',
						reason: `duplicate feature id (also in ${first.file})`
					});
				else found.byId.set(id, entry);
			}
			noteCitations(raw, featureId, found);
			const result = checkSchema(featureSchema, raw, { file, featureId });
			if (!result.ok) {
				found.failed.push({ ...entry, raw });
				return result.problems.forEach(report);
			}
			entry.feature = result.data;
			features.push(result.data);
			found.checked.push({ file, id: featureId, feature: result.data });
		});
		if (top.ok) {
			const { title, description, order, cluster, hidden } = top.data;
			found.layers.push({
				id: layerId,
				file,
				title,
				description,
				order,
				cluster,
				hidden,
				features
			});
		}
	}
	return found;
}

function noteCitations(raw: unknown, featureId: string, found: LayerFindings) {
	const props = isRecord(raw) && isRecord(raw.properties) ? raw.properties : {};
	if (typeof props.event === 'string') found.eventsWithFeatures.add(props.event);
	if (!Array.isArray(props.passages)) return;
	for (const passageId of props.passages) {
		if (typeof passageId !== 'string') continue;
		// Appended in place: copying the list per citation was quadratic in the story's size.
		const cited = found.cited.get(passageId);
		if (cited) cited.push(featureId);
		else found.cited.set(passageId, [featureId]);
	}
}
