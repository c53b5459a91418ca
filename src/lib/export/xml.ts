/**
 * Text into XML (and HTML), so that whatever the data says comes out as text, never as markup.
 */

/** The five markup characters, and the whitespace a parser would otherwise normalise. */
const ENTITIES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	// Not &apos;: HTML 4 lacks it, and the KML balloon is HTML.
	"'": '&#39;',
	// Written as references: parsers turn a raw CR (or CRLF) into LF, and a raw tab or LF in
	// an attribute into a space, so the text would not read back as it was. NEL and the
	// Unicode line and paragraph separators too: parsers that follow XML 1.1's line ends
	// (xmldom does) turn them into LF; a reference is never normalised.
	'\t': '&#9;',
	'\n': '&#10;',
	'\r': '&#13;',
	'\u0085': '&#x85;',
	'\u2028': '&#x2028;',
	'\u2029': '&#x2029;'
};
const MARKUP = /[&<>"'\t\n\r\u0085\u2028\u2029]/g;

/**
 * Characters XML 1.0 cannot hold at all, not even as references: C0 controls other than tab,
 * LF and CR, U+FFFE and U+FFFF, and UTF-16 surrogates without their other half.
 */
const NOT_XML =
	// eslint-disable-next-line no-control-regex -- matching control characters is the point
	/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text escaped for XML element content and quoted attribute values; also right for HTML
 * text and quoted HTML attributes. What XML cannot hold becomes U+FFFD, the replacement
 * character, rather than making the whole file unreadable.
 */
export function escapeXml(text: string): string {
	return text.replace(NOT_XML, '\uFFFD').replace(MARKUP, (c) => ENTITIES[c]);
}
