/**
 * Downloads of the story, each with its provenance: pure functions of the compiled story
 * returning the file's text (or, for files a large story makes too big for one string, its
 * pieces), for `+server.ts` routes to serve with the media type beside them.
 * An `eventId` the story lacks throws `UnknownEventError` (answer 404).
 */
export { articleJson, ARTICLE_MEDIA_TYPE } from './article';
export { storyCsv, storyCsvChunks, CSV_MEDIA_TYPE } from './csv';
export { storyGeoJson, storyGeoJsonChunks, GEOJSON_MEDIA_TYPE } from './geojson';
export { storyKml, storyKmlChunks, KML_MEDIA_TYPE } from './kml';
export { UnknownEventError, type ExportOptions } from './records';
