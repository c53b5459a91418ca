/**
 * Downloads of the story, each with its provenance: pure functions of the compiled story
 * returning the file's text, for `+server.ts` routes to serve with the media type beside them.
 * An `eventId` the story lacks throws `UnknownEventError` (answer 404).
 */
export { articleJson, ARTICLE_MEDIA_TYPE } from './article';
export { storyCsv, CSV_MEDIA_TYPE } from './csv';
export { storyGeoJson, GEOJSON_MEDIA_TYPE } from './geojson';
export { storyKml, KML_MEDIA_TYPE } from './kml';
export { UnknownEventError, type ExportOptions } from './records';
