import { drawnAsArea } from './approximate';
import type { MapGeo } from './prepareMap';
import { isReferencePlace, type MapState } from './mapState';
import type { UiKey } from '$lib/edition/ui';

/** The map key's entries, in the order they are listed. */
export const LEGEND_KEYS = [
	'durand',
	'fence',
	'loc',
	'highlight',
	'strike',
	'attack',
	'clash',
	'crossing',
	'area',
	'advance',
	'returns',
	'unverified'
] as const;
export type LegendKey = (typeof LEGEND_KEYS)[number];

export interface LegendItem {
	key: LegendKey;
}

/** What each entry says, in an edition's words (legendText), with a shorter label for the phone
 *  legend's narrow columns where the full one would not fit. */
export type LegendText = Record<LegendKey, { label: string; short?: string }>;

const SHORT: Partial<Record<LegendKey, UiKey>> = {
	fence: 'legend.fenceShort',
	loc: 'legend.locShort'
};

/** The legend's words from an edition's (ui.ts keys `legend.<key>` and `legend.<key>Short`). */
export function legendText(t: (key: UiKey) => string): LegendText {
	return Object.fromEntries(
		LEGEND_KEYS.map((key) => {
			const short = SHORT[key];
			return [key, { label: t(`legend.${key}`), ...(short ? { short: t(short) } : {}) }];
		})
	) as LegendText;
}

/** The key to what is on the map at this step, and only that. */
export function legendItems(state: MapState, map: MapGeo): LegendItem[] {
	const out: LegendItem[] = [{ key: 'durand' }];
	if (state.fence !== null) out.push({ key: 'fence' });
	if (state.layers.has('loc') || state.view.id === 'region') out.push({ key: 'loc' });
	if (state.highlight.length) out.push({ key: 'highlight' });
	const shown = state.markers.filter((m) => m.status !== 'unverified');
	const has = (kind: string) => shown.some((m) => m.kind === kind);
	if (has('strike')) out.push({ key: 'strike' });
	if (has('attack')) out.push({ key: 'attack' });
	if (has('clash')) out.push({ key: 'clash' });
	if (has('crossing') || state.layers.has('crossings')) out.push({ key: 'crossing' });
	// Approximate areas: a step's marker, or a reference crossing in view (Ghulam Khan, Chaman).
	const [w, s, e, n] = state.view.bbox;
	const areaInView = [...map.places.values()].some(
		({ place: p }) =>
			isReferencePlace(p, state.layers) &&
			drawnAsArea(p) &&
			p.lon >= w &&
			p.lon <= e &&
			p.lat >= s &&
			p.lat <= n
	);
	if (
		areaInView ||
		state.markers.some((m) => {
			const p = map.places.get(m.place)?.place;
			return p !== undefined && drawnAsArea(p);
		})
	)
		out.push({ key: 'area' });
	const routeKinds = new Set(state.routes.map((r) => r.route.kind));
	if (routeKinds.has('advance')) out.push({ key: 'advance' });
	if (routeKinds.has('returns')) out.push({ key: 'returns' });
	if (
		state.routes.some((r) => r.route.status === 'unverified') ||
		state.markers.some((m) => m.status === 'unverified')
	)
		out.push({ key: 'unverified' });
	return out;
}

/** Legend box size for a number of items: one column on desktop, two on phones. */
export function legendSize(count: number, phone: boolean): { width: number; height: number } {
	return phone
		? { width: 0, height: Math.ceil(count / 2) * LEGEND_ROW_PHONE + 8 }
		: { width: LEGEND_WIDTH_DESKTOP, height: count * LEGEND_ROW_DESKTOP + 12 };
}

export const LEGEND_ROW_PHONE = 16;
export const LEGEND_ROW_DESKTOP = 19;
/** Wide enough for the longest entry with room to spare if the web font is slow to arrive. */
export const LEGEND_WIDTH_DESKTOP = 264;
