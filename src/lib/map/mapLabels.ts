import type { Camera, Insets, Viewport } from './camera';
import { apply } from './camera';
import { pointAlong } from './fence';
import type { MapGeo, MapPlace } from './geometry';
import {
	placeLabels,
	wrap,
	type LabelCandidate,
	type PlacedLabel,
	type Rect,
	type SoftObstacle
} from './labels';
import { ARROWHEAD_PX, arrowheadBox, type RouteGeometry } from './routes';
import type { MapState } from './state';

/** Where country names sit at the regional scale (cartographic choice, lon/lat). */
const COUNTRY_LABELS: Record<string, { name: string; at: [number, number] }> = {
	AFG: { name: 'AFGHANISTAN', at: [65.6, 33.6] },
	PAK: { name: 'PAKISTAN', at: [69.4, 28.4] },
	IRN: { name: 'IRAN', at: [60.6, 31.2] },
	IND: { name: 'INDIA', at: [75.4, 28.9] },
	TJK: { name: 'TAJIKISTAN', at: [70.6, 38.6] },
	TKM: { name: 'TURKMENISTAN', at: [61.0, 37.9] },
	UZB: { name: 'UZBEKISTAN', at: [66.6, 38.5] },
	CHN: { name: 'CHINA', at: [77.5, 37.3] }
};

/** Whether a place is a reference dot (a city or crossing) that the step's layers switch on. */
export function isReferencePlace(place: MapPlace, layers: MapState['layers']): boolean {
	return (
		(place.kind === 'city' && layers.has('cities')) ||
		(place.kind === 'crossing' && layers.has('crossings'))
	);
}

export interface MarkerBox {
	id: string;
	rect: Rect;
}

export interface LabelInput {
	map: MapGeo;
	state: MapState;
	camera: Camera;
	viewport: Viewport;
	insets: Insets;
	projection: (lonlat: [number, number]) => [number, number] | null;
	routes: { id: string; label?: string; geometry: RouteGeometry }[];
	markers: MarkerBox[];
	/** Screen areas taken by overlays (legend, timeline, scale bar). */
	reserved: Rect[];
	/** Base font size in px. */
	fontSize: number;
}

function onScreen([x, y]: [number, number], b: Rect): boolean {
	return x >= b.x && x <= b.x + b.width && y >= b.y && y <= b.y + b.height;
}

/** Everything that wants a label at this step, placed so nothing overlaps. */
export function labelsFor(input: LabelInput): PlacedLabel[] {
	const { map, state, camera, viewport, insets, fontSize } = input;
	const bounds: Rect = {
		x: insets.left + 4,
		y: insets.top + 4,
		width: viewport.width - insets.left - insets.right - 8,
		height: viewport.height - insets.top - insets.bottom - 8
	};
	const s = (p: [number, number]) => apply(camera, p);
	const out: LabelCandidate[] = [];
	const seen = new Set<string>();
	const add = (c: LabelCandidate) => {
		if (seen.has(c.id)) return;
		seen.add(c.id);
		out.push(c);
	};

	// Annotations first: the step's point.
	for (const a of state.annotations) {
		const p = map.places.get(a.place);
		if (!p) continue;
		const [x, y] = s(p.xy);
		add({
			id: `note:${a.id}`,
			text: a.text,
			lines: wrap(a.text, 28),
			x,
			y,
			priority: 26,
			fontSize: fontSize - 1,
			gap: 10,
			displaces: true,
			positions: [
				'right',
				'left',
				'bottom',
				'top',
				'bottom-right',
				'bottom-left',
				'top-right',
				'top-left'
			]
		});
	}

	// The Durand Line, named where it crosses the middle of the view.
	const [durandAnchor, ...durandElsewhere] = durandLabelPoints(map, camera, bounds);
	if (durandAnchor) {
		add({
			id: 'durand',
			text: 'Durand Line',
			lines: ['Durand Line: de facto border,', 'never recognised by Kabul'],
			narrower: [['Durand Line:', 'de facto border, never', 'recognised by Kabul']],
			x: durandAnchor[0],
			y: durandAnchor[1],
			alternatives: durandElsewhere,
			// The border's name matters more than a city shown for orientation.
			displaces: true,
			priority: 25,
			fontSize: fontSize - 1,
			gap: 6,
			weight: 'bold',
			// Name the line beside it, never written across it.
			avoid: map.durand.points.map((p) => s(p))
		});
	}

	for (const m of state.markers) {
		const p = map.places.get(m.place);
		if (!p) continue;
		const xy = s(p.xy);
		if (!onScreen(xy, bounds)) continue;
		const box = input.markers.find((b) => b.id === m.place)?.rect;
		const r = box ? box.width / 2 : 7;
		const text = m.label ?? p.place.short ?? p.place.name;
		add({
			id: `place:${m.place}`,
			text,
			// Long labels break in two rather than failing to fit.
			lines: text.length > 22 ? wrap(text, 20) : undefined,
			x: xy[0],
			y: xy[1],
			priority: m.kind === 'strike' || m.kind === 'attack' ? 28 : 27,
			fontSize,
			gap: r,
			weight: 'bold',
			displaces: true
		});
	}

	for (const r of input.routes) {
		if (!r.label) continue;
		const mid = s(r.geometry.at(0.5).point);
		if (!onScreen(mid, bounds)) continue;
		add({
			id: `route:${r.id}`,
			text: r.label,
			lines: wrap(r.label, 24),
			x: mid[0],
			y: mid[1],
			priority: 19,
			fontSize: fontSize - 1,
			gap: 4
		});
	}

	for (const [iso, { name, at }] of Object.entries(COUNTRY_LABELS)) {
		let xy = input.projection(at);
		if (xy && !onScreen(s(xy), bounds) && (iso === 'AFG' || iso === 'PAK')) {
			// Close in, the country's usual label spot is off screen: name it where it is visible.
			xy = nearestVisibleProvinceCentroid(map, iso, camera, bounds);
		}
		if (!xy) continue;
		const sxy = s(xy);
		if (!onScreen(sxy, bounds)) continue;
		add({
			id: `country:${iso}`,
			text: name,
			x: sxy[0],
			y: sxy[1],
			priority: iso === 'AFG' || iso === 'PAK' ? 24 : 12,
			fontSize: fontSize + (iso === 'AFG' || iso === 'PAK' ? 1 : -1),
			gap: 0,
			weight: 'bold',
			caps: true,
			positions: ['center', 'bottom', 'top']
		});
	}

	const showAllProvinces = state.layers.has('province-labels');
	for (const prov of map.provinces) {
		const lit = state.highlight.includes(prov.name);
		if (!lit && !showAllProvinces) continue;
		const xy = s(prov.centroid);
		if (!onScreen(xy, bounds)) continue;
		add({
			id: `province:${prov.iso}`,
			text: prov.name,
			x: xy[0],
			y: xy[1],
			priority: lit ? 16 : 6,
			fontSize: fontSize - 1,
			gap: 0,
			positions: ['center', 'bottom', 'top', 'right', 'left']
		});
	}

	for (const [id, p] of map.places) {
		if (!isReferencePlace(p.place, state.layers)) continue;
		const xy = s(p.xy);
		if (!onScreen(xy, bounds)) continue;
		add({
			id: `place:${id}`,
			text: p.place.short ?? p.place.name,
			x: xy[0],
			y: xy[1],
			priority: p.place.kind === 'city' ? 10 : 9,
			fontSize: fontSize - 1,
			gap: 4
		});
	}

	// Reference dots (cities, crossings) are obstacles too, so no label covers one; a marker's or
	// a note's name may displace one when it has no other room, and that place is then left out.
	const marked = new Set(state.markers.map((m) => m.place));
	const dots: SoftObstacle[] = [];
	for (const [id, p] of map.places) {
		if (!isReferencePlace(p.place, state.layers) || marked.has(id)) continue;
		const [x, y] = s(p.xy);
		dots.push({ labelId: `place:${id}`, rect: { x: x - 4, y: y - 4, width: 8, height: 8 } });
	}
	// Arrowheads too: a label must not sit on the end of a movement.
	const heads: Rect[] = input.routes.map((r) => {
		const tip = r.geometry.at(1);
		return arrowheadBox(s(tip.point), tip.angle, ARROWHEAD_PX);
	});
	const obstacles = [...input.reserved, ...input.markers.map((m) => m.rect), ...heads];
	return placeLabels(out, obstacles, bounds, 2, dots);
}

/**
 * Points on the Durand Line inside the view to hang its name on: nearest the view's centre first,
 * then others along the visible line, at least 30 px apart.
 */
export function durandLabelPoints(map: MapGeo, camera: Camera, bounds: Rect): [number, number][] {
	const { points, cum } = map.durand;
	if (points.length < 2) return [];
	const cx = bounds.x + bounds.width * 0.5;
	const cy = bounds.y + bounds.height * 0.45;
	const seen: { xy: [number, number]; d: number }[] = [];
	for (let i = 0; i <= 400; i++) {
		const xy = apply(camera, pointAlong(points, cum, i / 400));
		if (onScreen(xy, bounds)) seen.push({ xy, d: Math.hypot(xy[0] - cx, xy[1] - cy) });
	}
	seen.sort((a, b) => a.d - b.d);
	const out: [number, number][] = [];
	for (const { xy } of seen) {
		if (out.every((o) => Math.hypot(o[0] - xy[0], o[1] - xy[1]) >= 30)) out.push(xy);
		if (out.length === 20) break;
	}
	return out;
}

function nearestVisibleProvinceCentroid(
	map: MapGeo,
	iso3: string,
	camera: Camera,
	bounds: Rect
): [number, number] | null {
	const cx = bounds.x + bounds.width / 2;
	const cy = bounds.y + bounds.height / 2;
	let best: [number, number] | null = null;
	let bestD = Infinity;
	for (const p of map.provinces) {
		if (p.country !== iso3) continue;
		const xy = apply(camera, p.centroid);
		if (!onScreen(xy, bounds)) continue;
		const d = Math.hypot(xy[0] - cx, xy[1] - cy);
		// Prefer a spot away from the very centre, where the story's markers usually are.
		const score = Math.abs(d - Math.min(bounds.width, bounds.height) * 0.3);
		if (score < bestD) {
			bestD = score;
			best = p.centroid;
		}
	}
	return best;
}
