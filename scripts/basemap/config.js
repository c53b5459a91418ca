// @ts-check
// Every tunable number of the basemap lives here, so tests and metadata.json read the same values
// the generator used.

/** @typedef {'110m' | '50m' | '10m'} Resolution */
/** @typedef {[west: number, south: number, east: number, north: number]} BBox */

export const MIN_ZOOM = 0;
/** Source maxzoom: MapLibre overzooms z6 tiles beyond this. */
export const MAX_ZOOM = 6;

/** Vector tile extent (MapLibre's default) and the geojson-vt buffer around each tile, in extent units. */
export const EXTENT = 4096;
export const TILE_BUFFER = 64;

/**
 * Simplification tolerance in extent units (4096 per tile side). geojson-vt simplifies at every zoom
 * below an index's maxZoom; 4 units is half a screen pixel on a 512 px tile, so it removes only
 * invisible detail.
 */
export const SIMPLIFY_TOLERANCE = 4;

/** Web Mercator's latitude limit: the tile pyramid covers exactly this. */
export const MERCATOR_MAX_LAT = 85.0511287798066;

/** The whole tile pyramid covers the world (no z5–z6 restriction). */
/** @type {BBox} */
export const WORLD_BOUNDS = [-180, -MERCATOR_MAX_LAT, 180, MERCATOR_MAX_LAT];

/**
 * Where the article happens (Europe, Turkey, the Levant, Egypt): z5–z6 tiles touching it are cut
 * from the 10m data, the rest of the world from 50m, which keeps the pyramid small.
 * @type {BBox}
 */
export const STORY_REGION = [-12, 18, 52, 64];

/** The story's first view (about zoom 3): used only to measure and report what it costs to load. */
/** @type {BBox} */
export const FIRST_VIEW = [-5, 25, 50, 62];

/**
 * Level of detail per zoom. `outsideStory` is the resolution used for tiles that do not touch
 * STORY_REGION; `resolution` applies everywhere else.
 * @type {ReadonlyArray<{ minzoom: number, maxzoom: number, resolution: Resolution, outsideStory: Resolution }>}
 */
export const LOD_BANDS = [
	{ minzoom: 0, maxzoom: 2, resolution: '110m', outsideStory: '110m' },
	{ minzoom: 3, maxzoom: 4, resolution: '50m', outsideStory: '50m' },
	{ minzoom: 5, maxzoom: 6, resolution: '10m', outsideStory: '50m' }
];

/**
 * Decimals kept in the intermediate GeoJSON (degrees). world-atlas is quantised to 1e5 steps
 * (0.0036° of longitude), so 4 decimals (≤ 5.6 m error) loses nothing at 110m/50m; 10m keeps 5
 * so that rounding never moves a vertex by more than ~0.6 m. Tiles themselves are integers in
 * 0..4096 per tile (≈ 150 m at z6 at the equator).
 * @type {Readonly<Record<Resolution, number>>}
 */
export const DECIMALS = { '110m': 4, '50m': 4, '10m': 5 };

/**
 * `rank` of a country label by its area in km² (1 = largest). A country gets the first rank whose
 * threshold it reaches; everything smaller than the last threshold is rank 6. Thresholds rather
 * than quantiles keep a country's rank stable when the data changes.
 */
export const RANK_THRESHOLDS_KM2 = [2_500_000, 700_000, 200_000, 50_000, 10_000];

/** Names of the source-layers the app styles. */
export const LAYERS = /** @type {const} */ ({
	countries: 'countries',
	boundaries: 'boundaries',
	coastline: 'coastline',
	labels: 'country_labels',
	places: 'places',
	detailCover: 'detail_cover'
});

export const ATTRIBUTION = 'Made with Natural Earth; places © GeoNames (CC BY 4.0)';

/**
 * Detail tiles (the story's regions): 1:10m land and every place, from DETAIL_MIN_ZOOM to
 * DETAIL_MAX_ZOOM, in boxes around the story's features widened by DETAIL_MARGIN_TILES tiles of
 * DETAIL_MAX_ZOOM (3 tiles of z10 ≈ 1° of longitude: an event page's view at zoom 9–12 centred
 * on its features is covered). Beyond DETAIL_MAX_ZOOM MapLibre overzooms the z10 tiles.
 */
export const DETAIL_MIN_ZOOM = MAX_ZOOM + 1;
export const DETAIL_MAX_ZOOM = 10;
export const DETAIL_MARGIN_TILES = 3;

/**
 * The first zoom of a place, by the first step it meets (GeoNames feature code PPLC = capital of
 * a country); a place meeting none appears one zoom after the last step. Thresholds, not
 * quantiles, so a place's zoom does not move when other places change.
 * @type {ReadonlyArray<{ minzoom: number, capital?: true, population?: number }>}
 */
export const PLACE_ZOOMS = [
	{ minzoom: 3, capital: true },
	{ minzoom: 4, population: 1_000_000 },
	{ minzoom: 5, population: 300_000 },
	{ minzoom: 6, population: 100_000 },
	{ minzoom: 7, population: 30_000 },
	{ minzoom: 8, population: 10_000 },
	{ minzoom: 9, population: 3_000 }
];

/**
 * GeoNames feature codes left out: historical (PPLH, PPLCH), abandoned (PPLQ), destroyed (PPLW)
 * places and sections of a city (PPLX: districts, not towns).
 */
export const PLACE_EXCLUDED_CODES = ['PPLH', 'PPLCH', 'PPLQ', 'PPLW', 'PPLX'];
