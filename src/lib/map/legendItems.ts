import { drawnAsArea } from './approximate';
import type { MapGeo } from './prepareMap';
import { isReferencePlace, type MapState } from './mapState';

export type LegendKey =
	| 'durand'
	| 'fence'
	| 'loc'
	| 'highlight'
	| 'strike'
	| 'attack'
	| 'clash'
	| 'crossing'
	| 'area'
	| 'advance'
	| 'returns'
	| 'unverified';

export interface LegendItem {
	key: LegendKey;
	label: string;
	/** A shorter label for the phone legend's narrow columns, where the full one would not fit. */
	short?: string;
}

/** The key to what is on the map at this step, and only that. */
export function legendItems(state: MapState, map: MapGeo): LegendItem[] {
	const out: LegendItem[] = [{ key: 'durand', label: 'Durand Line (de facto border)' }];
	if (state.fence !== null)
		out.push({
			key: 'fence',
			label: 'Fence, share Pakistan says is built',
			short: 'Fence, as Pakistan claims'
		});
	if (state.layers.has('loc') || state.view.id === 'region')
		out.push({
			key: 'loc',
			label: 'Kashmir Line of Control (disputed)',
			short: 'Line of Control (disputed)'
		});
	if (state.highlight.length) out.push({ key: 'highlight', label: 'Province in focus' });
	const shown = state.markers.filter((m) => m.status !== 'unverified');
	const has = (kind: string) => shown.some((m) => m.kind === kind);
	if (has('strike')) out.push({ key: 'strike', label: 'Air strike' });
	if (has('attack')) out.push({ key: 'attack', label: 'Militant attack' });
	if (has('clash')) out.push({ key: 'clash', label: 'Border clash' });
	if (has('crossing') || state.layers.has('crossings'))
		out.push({ key: 'crossing', label: 'Border crossing' });
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
		out.push({ key: 'area', label: 'Approximate location' });
	const routeKinds = new Set(state.routes.map((r) => r.route.kind));
	if (routeKinds.has('advance')) out.push({ key: 'advance', label: 'Movement (schematic)' });
	if (routeKinds.has('returns')) out.push({ key: 'returns', label: 'Returns to Afghanistan' });
	if (
		state.routes.some((r) => r.route.status === 'unverified') ||
		state.markers.some((m) => m.status === 'unverified')
	)
		out.push({ key: 'unverified', label: 'Reported, not confirmed' });
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
