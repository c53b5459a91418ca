/**
 * The compiled story as a file, so that a build validates and compiles it once. The build's
 * story check (vite.config.ts) writes it; SvelteKit's analysis and prerendering and the
 * tiles' worker (threads of their own) read it instead of loading `geo/` again, which for a
 * 1,000,000-event story is minutes and gigabytes each.
 *
 * JSON lines: a head (everything but the events and the features, plus the counts), then the
 * events and each layer's features in chunks. One JSON text for the whole story would pass the
 * longest string JavaScript may hold (about 512 MB) long before a million events; JSON, not
 * `v8.serialize`, because it reads back four times faster.
 */
import { closeSync, openSync, readFileSync, readSync, writeSync } from 'node:fs';
import type { CompiledFeature, CompiledLayer, CompiledStory } from '$lib/story/compiled';

/** Changed when the layout changes: a file of another version is refused, not misread. */
const FORMAT = 'compiled-story/1';
/** Events or features per line: lines of a few megabytes. */
const CHUNK = 10_000;

interface Head {
	format: typeof FORMAT;
	events: number;
	features: number[];
	story: CompiledStory;
}

type Line = { events: CompiledStory['events'] } | { layer: number; features: unknown[] };

/** `chunk`: events or features per line (tests make it small). */
export function writeCompiledStory(file: string, story: CompiledStory, chunk = CHUNK): void {
	const head: Head = {
		format: FORMAT,
		events: story.events.length,
		features: story.layers.map((l) => l.data.features.length),
		story: {
			...story,
			events: [],
			layers: story.layers.map((l) => ({ ...l, data: { ...l.data, features: [] } }))
		}
	};
	const fd = openSync(file, 'w');
	try {
		const line = (value: Head | Line) => writeSync(fd, JSON.stringify(value) + '\n');
		line(head);
		for (let i = 0; i < story.events.length; i += chunk)
			line({ events: story.events.slice(i, i + chunk) });
		story.layers.forEach((l, layer) => {
			for (let i = 0; i < l.data.features.length; i += chunk)
				line({ layer, features: l.data.features.slice(i, i + chunk) });
		});
	} finally {
		closeSync(fd);
	}
}

/**
 * Each line of a JSON-lines file, parsed; the file is read as bytes, never as one string.
 * Lines that begin with `skip` (other than the first, the head) are passed over unparsed.
 */
function* lines(file: string, skip?: string): Generator<unknown> {
	const bytes = readFileSync(file);
	const skipped = skip === undefined ? undefined : Buffer.from(skip);
	let start = 0;
	while (start < bytes.length) {
		let end = bytes.indexOf(10, start);
		if (end < 0) end = bytes.length;
		const pass =
			start > 0 && skipped !== undefined && bytes.subarray(start, end).indexOf(skipped) === 0;
		if (end > start && !pass) yield JSON.parse(bytes.toString('utf8', start, end));
		start = end + 1;
	}
}

function checkedHead(value: unknown, file: string): Head {
	const head = value as Partial<Head> | undefined;
	if (head?.format !== FORMAT) throw new Error(`${file}: not a compiled story of format ${FORMAT}`);
	return head as Head;
}

export function readCompiledStory(file: string): CompiledStory {
	const all = lines(file);
	const head = checkedHead(all.next().value, file);
	const { story } = head;
	for (const value of all) {
		const line = value as Line;
		if ('events' in line) story.events.push(...line.events);
		else story.layers[line.layer].data.features.push(...(line.features as never[]));
	}
	const features = story.layers.map((l) => l.data.features.length);
	if (story.events.length !== head.events || features.some((n, i) => n !== head.features[i]))
		throw new Error(`${file}: cut short (its head counts more events or features than it holds)`);
	return story;
}

/**
 * The layers alone, each feature passed through `keep` as it is read: the tiles' worker needs
 * neither the events nor every property of a feature, and at 1,000,000 events holding them
 * was gigabytes of heap to scan at every collection.
 */
export function readCompiledLayers<F>(
	file: string,
	keep: (feature: CompiledFeature) => F
): { layer: CompiledLayer; features: F[] }[] {
	const all = lines(file, '{"events":');
	const head = checkedHead(all.next().value, file);
	const layers = head.story.layers.map((layer) => ({ layer, features: [] as F[] }));
	for (const value of all) {
		const line = value as Line;
		if ('layer' in line)
			for (const f of line.features) layers[line.layer].features.push(keep(f as CompiledFeature));
	}
	if (layers.some((l, i) => l.features.length !== head.features[i]))
		throw new Error(`${file}: cut short (its head counts more features than it holds)`);
	return layers;
}

/** How many events the story has, from the head alone (the first line, read up to its end). */
export function compiledEventCount(file: string): number {
	const fd = openSync(file, 'r');
	try {
		const read: Buffer[] = [];
		for (let at = 0; ;) {
			const buf = Buffer.alloc(1 << 20);
			const n = readSync(fd, buf, 0, buf.length, at);
			const nl = buf.subarray(0, n).indexOf(10);
			read.push(buf.subarray(0, nl < 0 ? n : nl));
			if (n === 0 || nl >= 0) break;
			at += n;
		}
		return checkedHead(JSON.parse(Buffer.concat(read).toString('utf8')), file).events;
	} finally {
		closeSync(fd);
	}
}
