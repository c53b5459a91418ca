/** Evaluating a layer filter as MapLibre does, for the style's unit tests. */
import { createExpression } from '@maplibre/maplibre-gl-style-spec';

/** Whether a feature of `type` with `properties` passes `filter`, at zoom 5. */
export function passes(
	filter: unknown,
	properties: Record<string, unknown>,
	type: 'Point' | 'LineString' | 'Polygon' = 'Point'
): boolean {
	const parsed = createExpression(filter, {
		type: 'boolean',
		'property-type': 'data-driven',
		expression: { interpolated: false, parameters: ['zoom', 'feature'] }
	} as never);
	if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
	return parsed.value.evaluate({ zoom: 5 }, { type, properties } as never) as boolean;
}
