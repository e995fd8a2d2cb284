/**
 * What the map names besides its places and provinces: the countries, each at a fixed spot, and
 * the Durand Line. Kept apart from the label rules (stepLabels.ts) and free of `$lib` imports, so
 * the build's check of the map-name table (src/lib/edition/placeNames.ts) reads the same list.
 */

/** Where country names sit at the regional scale (cartographic choice, lon/lat). */
export const COUNTRY_LABELS: Record<string, { name: string; at: [number, number] }> = {
	AFG: { name: 'AFGHANISTAN', at: [65.6, 33.6] },
	PAK: { name: 'PAKISTAN', at: [69.4, 28.4] },
	IRN: { name: 'IRAN', at: [60.6, 31.2] },
	IND: { name: 'INDIA', at: [75.4, 28.9] },
	TJK: { name: 'TAJIKISTAN', at: [70.6, 38.6] },
	TKM: { name: 'TURKMENISTAN', at: [61.0, 37.9] },
	UZB: { name: 'UZBEKISTAN', at: [66.6, 38.5] },
	CHN: { name: 'CHINA', at: [77.5, 37.3] }
};

/** The lines the map names (by their object in the map data): the Durand Line. */
export const NAMED_LINES = ['durand'] as const;
