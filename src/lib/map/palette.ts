/**
 * Colours by kind: Okabe & Ito's colour-blind-safe set. Shapes (icons.ts) and dashes carry
 * the same distinctions, so no reading depends on colour alone.
 */
export const KIND_COLOURS: Record<string, string> = {
	attack: '#D55E00',
	crash: '#CC79A7',
	shootdown: '#E69F00',
	diplomacy: '#0072B2',
	airstrike: '#000000',
	airbase: '#56B4E9',
	'smuggling-route': '#009E73',
	'oil-field': '#009E73',
	claim: '#882255',
	border: '#6b4f3a',
	'flight-path': '#444444',
	'flight-path-unflown': '#444444',
	uncertainty: '#7a6f9b',
	place: '#2f2b26'
};
/** Claims by different parties get different colours, in the order the data lists them. */
export const CLAIM_COLOURS = ['#882255', '#0072B2', '#D55E00', '#009E73'];
