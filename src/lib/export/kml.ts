/**
 * The story as KML 2.2 for Google Earth and GIS desktops: a Document named after the
 * headline, a Folder per layer, a Style per kind (its colour from the kind table), and a
 * Placemark per feature with a TimeSpan (the event's days), its geometry and its provenance.
 *
 * Viewers render `<description>` as HTML, so it is built as HTML with every data string
 * HTML-escaped, and the HTML is then XML-escaped like any other text: data reaches the
 * reader as text twice over. No CDATA: its content would be raw data. The same values go
 * into `<ExtendedData>` as plain text, for programs.
 */
import type { Geometry, Position } from 'geojson';
import type { CompiledStory } from '$lib/story/compiled';
import type { KindStyle } from '$lib/story/kinds';
import { safeHttpUrl } from '$lib/ui/popup-format';
import { FLAT_FIELDS, type FlatValue } from './flat';
import { storyMeta, type StoryMeta } from './provenance';
import { exportRecords, type ExportOptions, type ExportRecord } from './records';
import { escapeXml } from './xml';

export const KML_MEDIA_TYPE = 'application/vnd.google-earth.kml+xml';

/** Line width when the kind names none, as the map draws it (`story-style.ts`). */
const DEFAULT_LINE_WIDTH = 2.5;
/** Areas are filled translucent, as on the map, so what is under them shows. */
const AREA_FILL_ALPHA = 0x66;

/** `#D55E00` → `ff005ed5`: KML writes colours alpha, blue, green, red. */
export function kmlColour(hex: string, alpha = 0xff): string {
	const [r, g, b] = [1, 3, 5].map((i) => hex.slice(i, i + 2).toLowerCase());
	return `${alpha.toString(16).padStart(2, '0')}${b}${g}${r}`;
}

/** An element holding text, escaped; nothing for a missing or empty value. */
function element(name: string, text: string | undefined): string {
	return text ? `<${name}>${escapeXml(text)}</${name}>` : '';
}

/**
 * An `id` attribute when the value can be one: KML ids are XML ids, which may not start
 * with a digit (a kebab-case slug may). The id is in `<ExtendedData>` either way.
 */
function idAttribute(id: string): string {
	return /^[A-Za-z_]/.test(id) ? ` id="${escapeXml(id)}"` : '';
}

const styleId = (kind: string) => `kind-${kind}`;

function kindStyleXml(kind: string, style: KindStyle): string {
	const colour = kmlColour(style.colour);
	return (
		`<Style id="${escapeXml(styleId(kind))}">` +
		`<IconStyle><color>${colour}</color></IconStyle>` +
		`<LineStyle><color>${colour}</color><width>${style.width ?? DEFAULT_LINE_WIDTH}</width></LineStyle>` +
		`<PolyStyle><color>${kmlColour(style.colour, AREA_FILL_ALPHA)}</color></PolyStyle>` +
		`</Style>`
	);
}

/** `lon,lat[,alt]` as the numbers are, unrounded. */
const tuple = (p: Position) => p.join(',');
const coordinates = (ps: Position[]) => `<coordinates>${ps.map(tuple).join(' ')}</coordinates>`;

function polygonXml(rings: Position[][]): string {
	const [outer, ...holes] = rings;
	const ring = (r: Position[]) => `<LinearRing>${coordinates(r)}</LinearRing>`;
	return (
		`<Polygon><tessellate>1</tessellate><outerBoundaryIs>${ring(outer)}</outerBoundaryIs>` +
		holes.map((h) => `<innerBoundaryIs>${ring(h)}</innerBoundaryIs>`).join('') +
		`</Polygon>`
	);
}

/** Lines are tessellated: long ones (a flight across Europe) then follow the ground. */
const lineXml = (ps: Position[]) =>
	`<LineString><tessellate>1</tessellate>${coordinates(ps)}</LineString>`;

function geometryXml(g: Geometry): string {
	switch (g.type) {
		case 'Point':
			return `<Point>${coordinates([g.coordinates])}</Point>`;
		case 'MultiPoint':
			return `<MultiGeometry>${g.coordinates.map((p) => `<Point>${coordinates([p])}</Point>`).join('')}</MultiGeometry>`;
		case 'LineString':
			return lineXml(g.coordinates);
		case 'MultiLineString':
			return `<MultiGeometry>${g.coordinates.map(lineXml).join('')}</MultiGeometry>`;
		case 'Polygon':
			return polygonXml(g.coordinates);
		case 'MultiPolygon':
			return `<MultiGeometry>${g.coordinates.map(polygonXml).join('')}</MultiGeometry>`;
		case 'GeometryCollection':
			return `<MultiGeometry>${g.geometries.map(geometryXml).join('')}</MultiGeometry>`;
	}
}

/** Values for programs: `<Data name="…"><value>…</value></Data>`, empty ones left out. */
function extendedData(values: [name: string, value: FlatValue][]): string {
	const data = values
		.filter(([, v]) => v !== undefined && v !== '')
		.map(
			([name, v]) => `<Data name="${escapeXml(name)}"><value>${escapeXml(String(v))}</value></Data>`
		)
		.join('');
	return `<ExtendedData>${data}</ExtendedData>`;
}

/** A source as HTML: a link only when it is a web address, else its title and address as text. */
function sourceHtml(title: string, url: string | undefined): string {
	const href = safeHttpUrl(url);
	if (href) return `<a href="${escapeXml(href)}">${escapeXml(title)}</a>`;
	return url ? `${escapeXml(title)} (${escapeXml(url)})` : escapeXml(title);
}

/** The balloon: the quote, the passages it comes from, the sources, the event page. */
function descriptionHtml(r: ExportRecord): string {
	const p = r.properties;
	const numbers = r.passages.map((x) => `¶${x.number}`).join(', ');
	return (
		`<p>“${escapeXml(p.quote)}”</p>` +
		`<p>Article passages: ${numbers}</p>` +
		`<p>Sources: ${p.sources.map((s) => sourceHtml(s.title, s.url)).join('; ')}</p>` +
		`<p><a href="${escapeXml(r.eventUrl)}">${escapeXml(r.event.title)}: on the map</a></p>`
	);
}

function timeSpan(start: string, end: string | null): string {
	return `<TimeSpan><begin>${escapeXml(start)}</begin>${end ? `<end>${escapeXml(end)}</end>` : ''}</TimeSpan>`;
}

/** The flat fields (`flat.ts`) a Placemark's `<ExtendedData>` carries (its name, folder,
 * time span and geometry say the rest). */
const PLACEMARK_DATA = new Set([
	'fid',
	'layer',
	'event',
	'eventTitle',
	'kind',
	'kindLabel',
	'date',
	'country',
	'waters',
	'precision',
	'uncertaintyKm',
	'claimedBy',
	'claimDate',
	'label',
	'passages',
	'quote',
	'quoteOffsets',
	'sources',
	'summary',
	'note',
	'derivedFrom',
	'eventUrl'
]);
const PLACEMARK_FIELDS = FLAT_FIELDS.filter(([name]) => PLACEMARK_DATA.has(name));

function placemark(r: ExportRecord): string {
	const p = r.properties;
	return (
		`<Placemark${idAttribute(r.fid)}>` +
		element('name', p.title) +
		element('description', descriptionHtml(r)) +
		timeSpan(r.event.start, r.event.end) +
		`<styleUrl>#${escapeXml(styleId(p.kind))}</styleUrl>` +
		extendedData(PLACEMARK_FIELDS.map(([name, value]) => [name, value(r)])) +
		geometryXml(r.geometry) +
		`</Placemark>`
	);
}

/** The document's balloon: what the article is and whom the file credits. */
function storyHtml(meta: StoryMeta): string {
	return (
		`<p>${escapeXml(meta.byline)}, ${escapeXml(meta.publisher)}, ${escapeXml(meta.displayDate)}</p>` +
		`<p>${escapeXml(meta.licence)}</p>` +
		`<p>Credits: ${meta.credits.map((c) => `${sourceHtml(c.name, c.url)}: ${escapeXml(c.role)}`).join('; ')}</p>`
	);
}

/**
 * The KML file's text, a placemark at a time: a large story's whole file is more text than
 * one string may hold (V8: about 512 MB).
 */
export function* storyKmlChunks(story: CompiledStory, options: ExportOptions): Generator<string> {
	const records = exportRecords(story, options);
	const meta = storyMeta(story.article);
	// A Style for each kind the file uses, in the order they first appear.
	const kinds = new Map(records.map((r) => [r.properties.kind, r.kind]));
	yield [
		'<?xml version="1.0" encoding="UTF-8"?>',
		'<kml xmlns="http://www.opengis.net/kml/2.2">',
		'<Document>',
		element('name', meta.headline),
		element('description', storyHtml(meta)),
		// KML 2.2 orders a Feature's children: styles before ExtendedData, both before Features.
		...[...kinds].map(([kind, style]) => kindStyleXml(kind, style)),
		extendedData([
			['headline', meta.headline],
			['byline', meta.byline],
			['publisher', meta.publisher],
			['date', meta.date],
			['url', meta.url],
			['licence', meta.licence],
			['credits', meta.credits.map((c) => c.name).join('; ')],
			['event', options.eventId]
		]),
		''
	].join('\n');
	for (const layer of story.layers) {
		const members = records.filter((r) => r.layer === layer);
		if (members.length === 0) continue;
		yield (
			`<Folder${idAttribute(`layer-${layer.id}`)}>` +
			element('name', layer.title) +
			// Viewers read descriptions as HTML: the layer's text is made HTML text first.
			element('description', layer.description && escapeXml(layer.description))
		);
		for (let i = 0; i < members.length; i++) yield `${i ? '\n' : ''}${placemark(members[i])}`;
		yield '</Folder>\n';
	}
	yield '</Document>\n</kml>\n';
}

/** The KML file's text, whole. */
export function storyKml(story: CompiledStory, options: ExportOptions): string {
	return [...storyKmlChunks(story, options)].join('');
}
