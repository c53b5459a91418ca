/**
 * Colours by kind, as the built-in kinds define them (`$lib/story/kinds`, the one registry):
 * for code and tests that draw the built-in kinds only. A story's own table (`story.kinds`)
 * is what the map, legend, previews and overview draw with.
 */
import { BUILT_IN_KINDS } from '$lib/story/kinds';

export { CLAIM_COLOURS } from '$lib/story/kinds';

export const KIND_COLOURS: Record<string, string> = Object.fromEntries(
	Object.entries(BUILT_IN_KINDS).map(([kind, style]) => [kind, style.colour])
);
