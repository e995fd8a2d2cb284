import { REFERENCE_APPROX_KM, areaRadius, drawnAsArea } from './approximate';
import type { Camera, Insets, Viewport } from './camera';
import { apply } from './camera';
import { pointAlong } from './fence';
import type { MapPlace, PreparedMap } from './geometry';
import {
	placeLabels,
	segmentHitsRect,
	textWidth,
	wrap,
	type LabelCandidate,
	type PlacedLabel,
	type Polyline,
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

/** A place that is an area (a district) named by a label, with the fields for that. */
type AreaPlace = MapPlace & {
	country?: string;
	aliases?: string[];
	labelPoints?: { lat: number; lon: number }[];
};

/** Where a marker's or note's name may stand apart from its point, on a leader line (px). */
const LEADER_OFFSETS: [number, number][] = [30, 48, 70].flatMap((d): [number, number][] => [
	[d, 0],
	[-d, 0],
	[0, d],
	[0, -d],
	[d * 0.7, d * 0.7],
	[-d * 0.7, d * 0.7],
	[d * 0.7, -d * 0.7],
	[-d * 0.7, -d * 0.7]
]);

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
	map: PreparedMap;
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
	/**
	 * The step's prose, when the caller has it. Districts are named on the map when the step's
	 * text, its map description, its view or its labels name them (see `districtsNamed`).
	 */
	text?: string;
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

	const tests = new Map<string, (x: number, y: number) => boolean>();
	const inCountry = (iso3: string) => {
		let t = tests.get(iso3);
		if (!t) tests.set(iso3, (t = countryContains(map, iso3, camera)));
		return t;
	};
	const markedIds = new Set(state.markers.map((m) => m.place));
	const marked = (id: string) => markedIds.has(id);

	// Annotations first: the step's point.
	for (const a of state.annotations) {
		const p = map.places.get(a.place);
		if (!p) continue;
		const [x, y] = s(p.xy);
		add({
			id: `note:${a.id}`,
			text: a.text,
			lines: wrap(a.text, 28),
			narrower: [wrap(a.text, 20), wrap(a.text, 15)],
			x,
			y,
			priority: 26,
			fontSize: fontSize - 1,
			gap: 10,
			displaces: true,
			// The note's box (LabelLayer draws it 5 px and 3 px outside the text) must keep clear.
			frame: [5, 3],
			fallbackGaps: [18, 28],
			leaderOffsets: LEADER_OFFSETS,
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
			narrower: [
				['Durand Line:', 'de facto border, never', 'recognised by Kabul'],
				['Durand Line:', 'de facto border,', 'never recognised', 'by Kabul']
			],
			x: durandAnchor[0],
			y: durandAnchor[1],
			alternatives: durandElsewhere,
			// The border's name matters more than a city shown for orientation.
			displaces: true,
			priority: 25,
			fontSize: fontSize - 1,
			gap: 6,
			weight: 'bold'
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
			// Where the border or a route leaves no room, narrower breaks of the same name.
			narrower: narrowerBreaks(text),
			x: xy[0],
			y: xy[1],
			priority: m.kind === 'strike' || m.kind === 'attack' ? 28 : 27,
			fontSize,
			gap: r,
			// Kept off lines, a marker's name may stand a little farther out rather than go unnamed.
			fallbackGaps: [r + 6, r + 12],
			// Last, set apart with a leader line: every marker is named.
			leaderOffsets: LEADER_OFFSETS.map(([dx, dy]) => [
				dx + Math.sign(dx) * r,
				dy + Math.sign(dy) * r
			]),
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
			// Beside its line, never across it: other points along the middle of the route too.
			alternatives: [0.42, 0.58, 0.35, 0.65, 0.28, 0.72].map((t) => s(r.geometry.at(t).point)),
			priority: 19,
			fontSize: fontSize - 1,
			gap: 4
		});
	}

	for (const [iso, { name, at }] of Object.entries(COUNTRY_LABELS)) {
		const main = iso === 'AFG' || iso === 'PAK';
		const fixed = input.projection(at);
		const fixedOnScreen = fixed && onScreen(s(fixed), bounds) ? s(fixed) : null;
		// Both countries are named in every view: where the usual spot is off screen or taken,
		// at the roomiest visible points inside the country.
		const size = fontSize + (main ? 1 : -1);
		const box = { width: textWidth(name, size, 'bold', true) + 6, height: size * 1.2 + 4 };
		const inside = main ? countryLabelSpots(map, iso, camera, bounds, box) : [];
		const [first, ...others] = fixedOnScreen ? [fixedOnScreen, ...inside] : inside;
		if (!first) continue;
		add({
			id: `country:${iso}`,
			text: name,
			x: first[0],
			y: first[1],
			alternatives: others,
			priority: main ? 25.5 : 12,
			fontSize: size,
			gap: 0,
			weight: 'bold',
			caps: true,
			positions: ['center', 'bottom', 'top']
		});
	}

	// Districts the step names, as area labels (italic, like provinces) at their documented
	// point: the map has no district boundaries, so none is drawn. A district a marker's own
	// label already names is left to that label.
	const markerTexts = state.markers.map((m) => m.label ?? '');
	const areas = [...map.places.values()]
		.map((p) => p.place as AreaPlace)
		.filter((p) => p.kind === 'district' && p.aliases?.length);
	const districts = areas.map((p) => ({
		id: p.id,
		names: [p.short ?? p.name, ...(p.aliases ?? [])]
	}));
	const notNames = [...map.provinces.map((p) => p.name), 'Afghanistan', 'Pakistan'];
	// Named in the step's own words (prose, description, notes) or only by the view it shows.
	const told = new Set(
		districtsNamed(
			[input.text ?? '', state.description, ...state.annotations.map((a) => a.text)],
			districts,
			notNames
		)
	);
	const named = districtsNamed(
		[
			input.text ?? '',
			state.description,
			state.view.label,
			...state.annotations.map((a) => a.text),
			...input.routes.map((r) => r.label ?? '')
		],
		districts,
		notNames
	);
	const labelled = new Set(districtsNamed(markerTexts, districts, notNames));
	for (const id of named) {
		const area = areas.find((a) => a.id === id);
		if (!area || labelled.has(id) || marked(id)) continue;
		const points = [[area.lon, area.lat], ...(area.labelPoints ?? []).map((q) => [q.lon, q.lat])]
			.map((lonlat) => input.projection(lonlat as [number, number]))
			.filter((xy): xy is [number, number] => xy !== null)
			.map((xy) => s(xy))
			.filter((xy) => onScreen(xy, bounds));
		const [first, ...others] = points;
		if (!first) continue;
		const text = area.short ?? area.name;
		// A district's name stays inside its own country (all four corners of its box).
		const within = inCountry(area.country ?? 'PAK');
		add({
			id: `district:${id}`,
			text,
			x: first[0],
			y: first[1],
			alternatives: others,
			// "North Waziristan" may stand in two lines where one does not fit.
			narrower: text.includes(' ') ? [wrap(text, Math.ceil(text.length / 2))] : undefined,
			priority: told.has(id) ? 20 : 17,
			fontSize: fontSize - 1,
			gap: 2,
			// An area's name may stand a little off its point, still well inside a district.
			fallbackGaps: [14, 26],
			allowed: (b) =>
				within(b.x, b.y) &&
				within(b.x + b.width, b.y) &&
				within(b.x, b.y + b.height) &&
				within(b.x + b.width, b.y + b.height),
			positions: [
				'center',
				'bottom',
				'top',
				'right',
				'left',
				'bottom-right',
				'top-right',
				'bottom-left',
				'top-left'
			]
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

	// Reference dots are drawn as areas where the place is approximate (MarkerLayer).
	const refRadius = (p: MapPlace) =>
		drawnAsArea(p) ? areaRadius(REFERENCE_APPROX_KM, map.kmPerUnit, camera.k, 7) : 4;
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
			gap: refRadius(p.place)
		});
	}

	// Reference dots (cities, crossings) are obstacles too, so no label covers one; a marker's or
	// a note's name may displace one when it has no other room, and that place is then left out.
	const dots: SoftObstacle[] = [];
	for (const [id, p] of map.places) {
		if (!isReferencePlace(p.place, state.layers) || marked(id)) continue;
		const [x, y] = s(p.xy);
		const r = refRadius(p.place);
		dots.push({
			labelId: `place:${id}`,
			rect: { x: x - r, y: y - r, width: 2 * r, height: 2 * r }
		});
	}
	// Arrowheads too: a label must not sit on the end of a movement.
	const heads: Rect[] = input.routes.map((r) => {
		const tip = r.geometry.at(1);
		return arrowheadBox(s(tip.point), tip.angle, ARROWHEAD_PX);
	});
	const obstacles = [...input.reserved, ...input.markers.map((m) => m.rect), ...heads];
	// No label is written across the border or a route: both are lines a reader follows.
	const lines: Polyline[] = [
		map.durand.points.map((p) => s(p)),
		...input.routes.map((r) => routeLine(r.geometry, s))
	];
	const placed = placeLabels(out, obstacles, bounds, 2, dots, lines);
	// The step's marker names and notes, the two countries and the border are named in every
	// view. Where one of them found no room after the greedy pass, it is placed again first of
	// all, if that costs none of the others (a tight phone strip can need it).
	const wanted = new Set([
		...state.markers.map((m) => `place:${m.place}`),
		...state.annotations.map((a) => `note:${a.id}`),
		'durand',
		'country:AFG',
		'country:PAK'
	]);
	const have = (ls: PlacedLabel[]) => new Set(ls.map((l) => l.id).filter((id) => wanted.has(id)));
	const first = have(placed);
	const missing = out.filter((c) => wanted.has(c.id) && !first.has(c.id)).map((c) => c.id);
	if (!missing.length) return placed;
	const top = Math.max(...out.map((c) => c.priority)) + 1;
	const again = placeLabels(
		out.map((c) => (missing.includes(c.id) ? { ...c, priority: top } : c)),
		obstacles,
		bounds,
		2,
		dots,
		lines
	);
	const second = have(again);
	return [...first].every((id) => second.has(id)) && second.size > first.size ? again : placed;
}

/** The same text broken into two, then three, shorter lines (each break that differs). */
function narrowerBreaks(text: string): string[][] {
	const seen = new Set([JSON.stringify(text.length > 22 ? wrap(text, 20) : [text])]);
	const out: string[][] = [];
	for (const parts of [2, 3]) {
		const lines = wrap(text, Math.max(8, Math.ceil(text.length / parts) + 2));
		const key = JSON.stringify(lines);
		if (lines.length > 1 && !seen.has(key)) {
			seen.add(key);
			out.push(lines);
		}
	}
	return out;
}

/** A route's curve in screen points, sampled finely enough for label tests (≤ ~10 px apart). */
function routeLine(g: RouteGeometry, s: (p: [number, number]) => [number, number]): Polyline {
	const a = s(g.at(0).point);
	const b = s(g.at(1).point);
	const n = Math.min(200, Math.max(16, Math.ceil(Math.hypot(b[0] - a[0], b[1] - a[1]) / 8)));
	return Array.from({ length: n + 1 }, (_, i) => s(g.at(i / n).point));
}

/**
 * Which districts a step names, from its texts (prose, map description, view, labels). Matching
 * is by whole words, ignoring case, accents and punctuation, longest name first: "Upper South
 * Waziristan" is South Waziristan, a bare "Waziristan" is both halves, and "North and South
 * Waziristan" is both. Words of `notNames` (province names such as "Khyber Pakhtunkhwa") never
 * count, so "Khyber Pakhtunkhwa" does not name Khyber district.
 */
export function districtsNamed(
	texts: string[],
	districts: { id: string; names: string[] }[],
	notNames: string[] = []
): string[] {
	const norm = (t: string) =>
		' ' +
		t
			.normalize('NFKD')
			.replace(/[\u0300-\u036f]/g, '')
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, ' ')
			.trim() +
		' ';
	let text = norm(texts.join(' | '))
		// "North and South Waziristan" names North Waziristan too.
		.replace(
			/ (north|south|upper|lower) (?:and|or) (north|south|upper|lower) ([a-z]+) /g,
			' $1 $3 and $2 $3 '
		);
	const mask = (name: string) => {
		const n = norm(name);
		if (n.trim() === '') return false;
		let hit = false;
		for (let i = text.indexOf(n); i >= 0; i = text.indexOf(n, i + 1)) {
			hit = true;
			text = text.slice(0, i) + ' ' + '#'.repeat(n.length - 2) + ' ' + text.slice(i + n.length);
		}
		return hit;
	};
	for (const n of [...notNames].sort((a, b) => b.length - a.length)) mask(n);
	const byName = new Map<string, string[]>();
	for (const d of districts)
		for (const n of d.names) {
			const key = norm(n);
			byName.set(key, [...(byName.get(key) ?? []), d.id]);
		}
	const found = new Set<string>();
	for (const key of [...byName.keys()].sort((a, b) => b.length - a.length))
		if (mask(key)) for (const id of byName.get(key) ?? []) found.add(id);
	return districts.map((d) => d.id).filter((id) => found.has(id));
}

/**
 * Points on the Durand Line inside the view to hang its name on: nearest the view's centre first,
 * then others along the visible line, at least 30 px apart.
 */
export function durandLabelPoints(
	map: PreparedMap,
	camera: Camera,
	bounds: Rect
): [number, number][] {
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
		if (out.length === 30) break;
	}
	return out;
}

/** A country's outline rings in base-frame points, parsed once per prepared map. */
const ringCache = new WeakMap<PreparedMap, Map<string, [number, number][][]>>();

function countryRings(map: PreparedMap, iso3: string): [number, number][][] {
	let byIso = ringCache.get(map);
	if (!byIso) ringCache.set(map, (byIso = new Map()));
	let rings = byIso.get(iso3);
	if (!rings) {
		rings = [];
		const d = map.countries.find((c) => c.iso3 === iso3)?.d ?? '';
		// d3-geo writes polygons as M x,y L x,y … Z only.
		for (const part of d.split(/[Mm]/)) {
			const nums = part.match(/-?\d+(?:\.\d+)?(?:e-?\d+)?/g)?.map(Number) ?? [];
			const ring: [number, number][] = [];
			for (let i = 0; i + 1 < nums.length; i += 2) ring.push([nums[i]!, nums[i + 1]!]);
			if (ring.length > 2) rings.push(ring);
		}
		byIso.set(iso3, rings);
	}
	return rings;
}

/** Every edge of a country's outline in screen space, as flat arrays. */
function outlineEdges(map: PreparedMap, iso3: string, camera: Camera) {
	const rings = countryRings(map, iso3);
	const n = rings.reduce((sum, r) => sum + r.length, 0);
	const ax = new Float64Array(n);
	const ay = new Float64Array(n);
	const bx = new Float64Array(n);
	const by = new Float64Array(n);
	let e = 0;
	for (const ring of rings)
		for (let i = 0; i < ring.length; i++, e++) {
			const a = ring[i]!;
			const b = ring[(i + 1) % ring.length]!;
			ax[e] = a[0] * camera.k + camera.x;
			ay[e] = a[1] * camera.k + camera.y;
			bx[e] = b[0] * camera.k + camera.x;
			by[e] = b[1] * camera.k + camera.y;
		}
	return { n, ax, ay, bx, by };
}

/** Even-odd point-in-polygon test over outline edges. */
function containsTest({ n, ax, ay, bx, by }: ReturnType<typeof outlineEdges>) {
	return (x: number, y: number) => {
		let odd = false;
		for (let i = 0; i < n; i++) {
			const y0 = ay[i]!;
			const y1 = by[i]!;
			if (y0 > y !== y1 > y && x < ((bx[i]! - ax[i]!) * (y - y0)) / (y1 - y0) + ax[i]!) odd = !odd;
		}
		return odd;
	};
}

/** Whether a screen point lies inside a country, at this camera. */
export function countryContains(
	map: PreparedMap,
	iso3: string,
	camera: Camera
): (x: number, y: number) => boolean {
	return containsTest(outlineEdges(map, iso3, camera));
}

/**
 * Points inside the visible part of a country to centre its name on, roomiest first: a grid over
 * the view, kept where a `size` box centred there lies on screen with its centre inside the
 * country; boxes clear of the outline come first, by their distance to it, then the rest by how
 * far their centre is from it; thinned to points 30 px apart.
 */
export function countryLabelSpots(
	map: PreparedMap,
	iso3: string,
	camera: Camera,
	bounds: Rect,
	size: { width: number; height: number } = { width: 0, height: 0 }
): [number, number][] {
	const { n, ax, ay, bx, by } = outlineEdges(map, iso3, camera);
	if (!n) return [];
	const insideCountry = containsTest({ n, ax, ay, bx, by });
	/** Distance from a box to the outline (0 if the outline enters it), looked for up to `cap`. */
	const cap = 120;
	const room = (r: Rect) => {
		let best = cap;
		for (let i = 0; i < n; i++) {
			const x0 = ax[i]!;
			const y0 = ay[i]!;
			const x1 = bx[i]!;
			const y1 = by[i]!;
			if (
				Math.min(x0, x1) > r.x + r.width + best ||
				Math.max(x0, x1) < r.x - best ||
				Math.min(y0, y1) > r.y + r.height + best ||
				Math.max(y0, y1) < r.y - best
			)
				continue;
			if (segmentHitsRect([x0, y0], [x1, y1], r)) return 0;
			// Distance from the segment's ends and the box's corners: close enough for a score.
			const dx = Math.max(r.x - Math.max(x0, x1), 0, Math.min(x0, x1) - r.x - r.width);
			const dy = Math.max(r.y - Math.max(y0, y1), 0, Math.min(y0, y1) - r.y - r.height);
			best = Math.min(best, Math.hypot(dx, dy));
		}
		return best;
	};
	const w = size.width;
	const h = size.height;
	const step = Math.max(10, Math.min(bounds.width, bounds.height) / 20);
	const spots: { xy: [number, number]; room: number }[] = [];
	for (let y = bounds.y + h / 2; y <= bounds.y + bounds.height - h / 2; y += step)
		for (let x = bounds.x + w / 2; x <= bounds.x + bounds.width - w / 2; x += step) {
			if (!insideCountry(x, y)) continue;
			// Boxes clear of the outline first; then, for a country smaller on screen than its
			// name, boxes centred inside it (the placer still keeps them off the Durand Line).
			const r = room({ x: x - w / 2, y: y - h / 2, width: w, height: h });
			const centre = r > 2 ? 0 : room({ x, y, width: 0, height: 0 });
			spots.push({ xy: [x, y], room: r > 2 ? r + cap : centre });
		}
	spots.sort((a, b) => b.room - a.room);
	const out: [number, number][] = [];
	for (const { xy } of spots) {
		if (out.every((o) => (o[0] - xy[0]) ** 2 + (o[1] - xy[1]) ** 2 >= 900)) out.push(xy);
		if (out.length === 30) break;
	}
	return out;
}
