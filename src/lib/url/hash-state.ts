/**
 * The URL hash: view state, parsed and written as a pair.
 *
 * **This is a public contract.** Links in the wild (shared in chats, saved in notes, quoted
 * in articles) carry these hashes, so the grammar below may grow but must never change
 * meaning, and a value this code cannot use is dropped with a notice, never an error:
 *
 *     #map=<zoom>/<lat>/<lng>[/<bearing>/<pitch>]&passage=p<N>&layers=<id>,<id>&t=<from>..<to>
 *
 * - `&`-separated `key=value` pairs, like OpenStreetMap's; the leading `#` is optional.
 *   Values are percent-decoded one by one, so one broken value costs only its own key.
 * - `map`: MapLibre's `hash: 'map'` form (maplibre-gl-js `src/ui/hash.ts`); see `view.ts`.
 * - `passage`: the highlighted passage id (`p1`…). Only ids of the article are kept.
 * - `layers`: the visible layers, written only when not the default set. `layers=` (empty)
 *   means none is visible. Unknown ids are dropped with a notice; the known ones are kept.
 * - `t=<YYYY-MM-DD>..<YYYY-MM-DD>`: the time window, inclusive; either side may be empty
 *   for an open end (`t=2015-11-20..`). Real calendar days only, `from` ≤ `to`.
 * - Unknown keys are ignored silently (they may belong to someone else: see `withHashKeys`).
 *   For a repeated key the first one wins. Only the first `MAX_HASH_CHARS` characters and
 *   `MAX_HASH_PAIRS` pairs are read, so a hostile 1 MB hash costs nothing.
 *
 * `parseHash` never throws. It returns the usable state plus `ignored`: one entry per
 * dropped value with a short, human-readable reason for a dismissible notice. Reasons quote
 * at most ~40 characters of the URL, with control and bidi characters replaced, and are
 * meant to be rendered as text (never as HTML).
 *
 * `serializeHash` writes a canonical hash (fixed key order, MapLibre's precision) such that
 * `parseHash(serializeHash(s))` gives back a valid `s` up to rounding, and
 * `serializeHash(parseHash(x).state)` is a fixed point of serialize ∘ parse.
 *
 * Pure: no `location`, no `history`. `$lib/app/url-state.svelte` owns the URL and calls these,
 * writing through `withHashKeys` so that others' keys survive (model:
 * dimfeld/svelte-maplibre's `hash.ts` and SvelteKit's Sverdle `game.ts`).
 */
import { isRealDate, type TimeWindow } from '../time/window';
import { excerpt, formatView, parseView, type MapView } from './view';

export type { MapView } from './view';
export type { TimeWindow } from '../time/window';

/** Our keys, in the order `serializeHash` writes them. */
export const HASH_KEYS = ['map', 'passage', 'layers', 't'] as const;
export type HashKey = (typeof HASH_KEYS)[number];

/** What the hash can say. A missing field means "the default" (frame the story, no highlight, …). */
export interface HashState {
	view?: MapView;
	passage?: string;
	/** Visible layer ids; `[]` is "none visible". */
	layers?: string[];
	time?: TimeWindow;
}

/** A value that was dropped: `key` is the hash key (or `hash` for the hash as a whole). */
export interface Ignored {
	key: string;
	reason: string;
}

/** What the story and the map allow; values outside it are dropped or clamped. */
export interface HashContext {
	passageIds: readonly string[];
	layerIds: readonly string[];
	minZoom: number;
	maxZoom: number;
}

/** Longer hashes are cut (at the last whole pair) before parsing. */
export const MAX_HASH_CHARS = 2000;
/** Pairs after this many are not read. */
export const MAX_HASH_PAIRS = 20;

const timePattern = /^(\d{4}-\d{2}-\d{2})?\.\.(\d{4}-\d{2}-\d{2})?$/;

function isHashKey(key: string): key is HashKey {
	return (HASH_KEYS as readonly string[]).includes(key);
}

/** Split a hash into its non-empty `&`-separated segments, without the leading `#`. */
function segments(hash: string): string[] {
	const text = hash.startsWith('#') ? hash.slice(1) : hash;
	return text.split('&').filter((segment) => segment !== '');
}

/** A segment's raw (still encoded) key and value; a bare `key` has the value `''`. */
function splitPair(segment: string): [key: string, value: string] {
	const eq = segment.indexOf('=');
	return eq === -1 ? [segment, ''] : [segment.slice(0, eq), segment.slice(eq + 1)];
}

/**
 * Read the URL hash (`location.hash`, with or without `#`). Never throws: whatever cannot be
 * used is left out of `state` and listed in `ignored`, except unknown keys, which are not
 * ours to judge.
 */
export function parseHash(
	hash: string,
	ctx: HashContext
): { state: HashState; ignored: Ignored[] } {
	const state: HashState = {};
	const ignored: Ignored[] = [];
	let text = typeof hash === 'string' ? hash : '';
	if (text.startsWith('#')) text = text.slice(1);

	if (text.length > MAX_HASH_CHARS) {
		const head = text.slice(0, MAX_HASH_CHARS);
		// A pair cut in half could still parse, as a different value (12.345 → 12.3): drop it.
		text = text[MAX_HASH_CHARS] === '&' ? head : head.slice(0, Math.max(0, head.lastIndexOf('&')));
		ignored.push({
			key: 'hash',
			reason: `is too long (${hash.length} characters): only the first ${MAX_HASH_CHARS} were read`
		});
	}

	const passages = new Set(ctx.passageIds);
	const layers = new Set(ctx.layerIds);
	const seen = new Set<HashKey>();
	const repeated = new Set<HashKey>();
	let pairs = 0;
	for (const segment of text.split('&')) {
		if (segment === '') continue;
		if (++pairs > MAX_HASH_PAIRS) {
			ignored.push({
				key: 'hash',
				reason: `has more than ${MAX_HASH_PAIRS} key=value pairs: the rest were not read`
			});
			break;
		}
		const [key, raw] = splitPair(segment);
		if (!isHashKey(key)) continue;
		const drop = (reason: string) => ignored.push({ key, reason });
		if (seen.has(key)) {
			// One notice per key, however often it repeats.
			if (!repeated.has(key)) drop('appears more than once: the first one is used');
			repeated.add(key);
			continue;
		}
		seen.add(key);

		let value: string;
		try {
			value = decodeURIComponent(raw);
		} catch {
			drop('has broken percent-encoding (%…)');
			continue;
		}

		switch (key) {
			case 'map': {
				const result = parseView(value, ctx);
				if ('view' in result) state.view = result.view;
				else drop(result.reason);
				break;
			}
			case 'passage': {
				if (value === '') drop('is empty');
				else if (passages.has(value)) state.passage = value;
				else drop(`"${excerpt(value, 40)}" is not a passage of this article`);
				break;
			}
			case 'layers': {
				const ids = value.split(',').filter((id) => id !== '');
				const unknown = ids.filter((id) => !layers.has(id));
				if (unknown.length > 0) {
					const list = unknown.map((id) => excerpt(id, 40)).join(', ');
					drop(`unknown layer${unknown.length === 1 ? '' : 's'} "${excerpt(list, 40)}"`);
				}
				// All unknown: fall back to the default set rather than hiding every layer.
				if (ids.length === 0 || unknown.length < ids.length) {
					const wanted = new Set(ids);
					state.layers = [...layers].filter((id) => wanted.has(id));
				}
				break;
			}
			case 't': {
				const match = timePattern.exec(value);
				if (value === '') drop('is empty');
				else if (!match) drop('should be YYYY-MM-DD..YYYY-MM-DD (either side may be left empty)');
				else {
					const [, from, to] = match;
					const unreal = [from, to].find((day) => day !== undefined && !isRealDate(day));
					if (unreal !== undefined) drop(`${unreal} is not a real date`);
					else if (from !== undefined && to !== undefined && from > to) {
						drop(`ends (${to}) before it starts (${from})`);
					} else if (from !== undefined || to !== undefined) {
						state.time = {};
						if (from !== undefined) state.time.from = from;
						if (to !== undefined) state.time.to = to;
					}
				}
				break;
			}
		}
	}
	return { state, ignored };
}

export interface SerializeOptions {
	/** The layers visible by default: `layers` is left out when the state shows exactly these. */
	defaultLayers?: readonly string[];
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
	const setA = new Set(a);
	const setB = new Set(b);
	return setA.size === setB.size && [...setA].every((id) => setB.has(id));
}

/**
 * The raw (unencoded) value of each of our keys for a state, `null` where the key should be
 * absent. Feed it to `withHashKeys` to update a hash that may hold others' keys too.
 */
export function hashEntries(
	state: HashState,
	opts: SerializeOptions = {}
): Record<HashKey, string | null> {
	const { view, passage, layers, time } = state;
	const showLayers =
		layers !== undefined && !(opts.defaultLayers && sameSet(layers, opts.defaultLayers));
	return {
		map: view ? formatView(view) : null,
		passage: passage ? passage : null,
		layers: showLayers ? layers.join(',') : null,
		t: time && (time.from || time.to) ? `${time.from ?? ''}..${time.to ?? ''}` : null
	};
}

/** The canonical hash for a state, without the `#`: keys in the order map, passage, layers, t. */
export function serializeHash(state: HashState, opts: SerializeOptions = {}): string {
	return withHashKeys('', hashEntries(state, opts));
}

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Percent-encode for a fragment, keeping `/` and `,` readable (they are our separators' friends). */
function encodePart(value: string): string {
	// encodeURIComponent throws on a lone surrogate.
	return encodeURIComponent(value.replace(loneSurrogate, '\uFFFD'))
		.replace(/%2F/g, '/')
		.replace(/%2C/g, ',');
}

/**
 * `currentHash` (with or without `#`) with only the given keys rewritten: a string value
 * (raw, it is encoded here) replaces the first occurrence of its key in place, or is
 * appended; `null` removes the key. Later duplicates of an updated key are removed. Every
 * other segment is kept verbatim, so keys written by MapLibre or anyone else survive.
 * Returns the hash without its `#`: assign it to `url.hash` (which adds one) or prefix `#`;
 * do not hand it back to `parseHash` bare, since a foreign first segment may start with `#`.
 */
export function withHashKeys(currentHash: string, updates: Record<string, string | null>): string {
	const pending = new Map(Object.entries(updates).filter(([, value]) => value !== undefined));
	const written = new Set<string>();
	const out: string[] = [];
	const pair = (key: string, value: string) => `${encodePart(key)}=${encodePart(value)}`;
	for (const segment of segments(typeof currentHash === 'string' ? currentHash : '')) {
		const [rawKey] = splitPair(segment);
		const key = [...pending.keys()].find((k) => encodePart(k) === rawKey);
		if (key === undefined) {
			out.push(segment);
			continue;
		}
		if (written.has(key)) continue;
		written.add(key);
		const value = pending.get(key);
		if (value != null) out.push(pair(key, value));
	}
	for (const [key, value] of pending) {
		if (!written.has(key) && value != null) out.push(pair(key, value));
	}
	return out.join('&');
}
