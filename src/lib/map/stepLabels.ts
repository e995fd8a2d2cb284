import { REFERENCE_APPROX_KM, areaRadius, drawnAsArea } from './approximate';
import type { Camera, Insets, Viewport } from './camera';
import { apply } from './camera';
import { pointAlong } from './polyline';
import type { MapGeo, MapPlace } from './prepareMap';
import {
	ESTIMATED_METRICS,
	placeLabels,
	segmentHitsRect,
	textHeight,
	type LabelCandidate,
	type PlacedLabel,
	type Polyline,
	type Rect,
	type SoftObstacle,
	nearestInRect
} from './labelPlacement';
import { wrapText } from '$lib/wrapText';
import { ARROWHEAD_PX, arrowheadBox, type RouteGeometry } from './routes';
import { isReferencePlace, type MapState } from './mapState';
import { COUNTRY_LABELS } from './countryLabels';
import { textMetrics } from './labelText';
import { fitsSpot } from './nameSpots';

/**
 * Label priorities, the one place they are set: the placer (labelPlacement.ts) places labels
 * highest first, so where two compete for room the lower one gives way or moves.
 */
export const LABEL_PRIORITY = {
	/** A step's strike or attack marker: what the step is most about. */
	strikeOrAttack: 28,
	/** Any other marker the step sets (a clash, a crossing, a city, an event). */
	marker: 27,
	/** A step's note (annotation). */
	note: 26,
	/** Afghanistan and Pakistan, named in every view. */
	country: 25.5,
	/** The Durand Line's name. */
	durand: 25,
	/** A district the step names that holds a place the step marks or notes. */
	districtOfMarkedPlace: 20,
	/** A route's label. */
	route: 19,
	/** Any other district the step names. */
	district: 17,
	/** A province the step highlights. */
	highlightedProvince: 16,
	/** A neighbouring country (Iran, India, …) at the regional scale. */
	neighbourCountry: 12,
	/** A reference city switched on by the cities layer. */
	city: 10,
	/** A reference crossing switched on by the crossings layer. */
	crossing: 9,
	/** A province named by the province-labels layer only. */
	province: 6
} as const;

/**
 * Pakistani districts the story may name, labelled as areas: the map data has no district
 * boundaries, so none is drawn. Each is a place in places.json at its documented position
 * (data-src/districts.json). `names` are the ways a step may write it; `within` are gazetteer
 * places inside it (facts.md): the name may stand at the towns among them when the first spot is
 * taken, and a step that marks one of them is about that district.
 */
export const DISTRICT_LABELS: Record<string, { names: string[]; within: string[] }> = {
	kurram: {
		names: ['Kurram', 'Upper Kurram', 'Lower Kurram', 'Kurram Agency'],
		within: ['parachinar']
	},
	'north-waziristan': {
		names: ['North Waziristan', 'Waziristan'],
		within: ['miranshah', 'mir-ali', 'ghulam-khan']
	},
	'south-waziristan': {
		names: ['South Waziristan', 'Upper South Waziristan', 'Lower South Waziristan', 'Waziristan'],
		within: ['wana', 'makeen']
	},
	'khyber-district': {
		names: ['Khyber district', 'Khyber', 'Khyber Agency'],
		within: ['landi-kotal', 'torkham']
	}
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
	/**
	 * The step's prose, when the caller has it. Districts are named on the map when the step's
	 * text, its map description, its view or its labels name them (see `districtsNamed`).
	 */
	text?: string;
}

/** Whether a label's box stands at a point: on it, or beside it at a label's gap (boxFor). */
function besidePoint(box: Rect, [x, y]: [number, number]): boolean {
	const [nx, ny] = nearestInRect(x, y, box);
	return Math.hypot(nx - x, ny - y) <= 4;
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

	// An edition's names and measured widths, where it has its own (labelText.ts).
	const edition = map.text;
	const metrics = edition ? textMetrics(edition.widths) : ESTIMATED_METRICS;
	const placeName = (id: string, p: MapPlace) => edition?.names[id] ?? p.short ?? p.name;

	const durand = durandOnScreen(map, camera);
	const side = durand.side;
	/** Whether every corner of a box is on one country's side of the Durand Line. */
	const onSideOf = (country: 'AFG' | 'PAK', b: Rect) =>
		side(b.x, b.y) === country &&
		side(b.x + b.width, b.y) === country &&
		side(b.x, b.y + b.height) === country &&
		side(b.x + b.width, b.y + b.height) === country;
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
			lines: wrapText(a.text, 28),
			narrower: [wrapText(a.text, 20), wrapText(a.text, 15)],
			x,
			y,
			priority: LABEL_PRIORITY.note,
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
	// An edition says the same in its words (its name from the table of names, its note from its
	// page words), wrapped as notes are.
	const durandNote = edition?.durandNote;
	if (durandAnchor) {
		add({
			id: 'durand',
			text: edition?.names.durand ?? 'Durand Line',
			lines: durandNote
				? wrapText(durandNote, 28)
				: ['Durand Line: de facto border,', 'never recognised by Kabul'],
			narrower: durandNote
				? [wrapText(durandNote, 20), wrapText(durandNote, 15)]
				: [
						['Durand Line:', 'de facto border, never', 'recognised by Kabul'],
						['Durand Line:', 'de facto border,', 'never recognised', 'by Kabul']
					],
			x: durandAnchor[0],
			y: durandAnchor[1],
			alternatives: durandElsewhere,
			// The border's name matters more than a city shown for orientation.
			displaces: true,
			priority: LABEL_PRIORITY.durand,
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
		const text = m.label ?? placeName(m.place, p.place);
		add({
			id: `place:${m.place}`,
			text,
			// Long labels break in two rather than failing to fit.
			lines: text.length > 22 ? wrapText(text, 20) : undefined,
			// Where the border or a route leaves no room, narrower breaks of the same name.
			narrower: narrowerBreaks(text),
			x: xy[0],
			y: xy[1],
			priority:
				m.kind === 'strike' || m.kind === 'attack'
					? LABEL_PRIORITY.strikeOrAttack
					: LABEL_PRIORITY.marker,
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
			displaces: true,
			point: 'marker'
		});
	}

	for (const r of input.routes) {
		if (!r.label) continue;
		const mid = s(r.geometry.at(0.5).point);
		if (!onScreen(mid, bounds)) continue;
		add({
			id: `route:${r.id}`,
			text: r.label,
			lines: wrapText(r.label, 24),
			x: mid[0],
			y: mid[1],
			// Beside its line, never across it: other points along the middle of the route too.
			alternatives: [0.42, 0.58, 0.35, 0.65, 0.28, 0.72].map((t) => s(r.geometry.at(t).point)),
			priority: LABEL_PRIORITY.route,
			fontSize: fontSize - 1,
			gap: 4
		});
	}

	for (const [iso, { name: english, at }] of Object.entries(COUNTRY_LABELS)) {
		const main = iso === 'AFG' || iso === 'PAK';
		// An edition's names are set as written: Arabic script has no capitals, and letter-spacing
		// would pull its joined letters apart.
		const name = edition?.names[iso] ?? english;
		const caps = !edition;
		const fixed = input.projection(at);
		const fixedOnScreen = fixed && onScreen(s(fixed), bounds) ? s(fixed) : null;
		// Both countries are named in every view. Where the usual spot is taken, near it (it lies
		// deep inside the country); where it is off screen (close-ups, near the border), at the
		// roomiest points on the country's side of the Durand Line.
		const size = fontSize + (main ? 1 : -1);
		const box = {
			width: metrics.width(name, size, 'bold', caps) + 6,
			height: textHeight(1, size, metrics) + 4
		};
		const pxPerKm = camera.k / map.kmPerUnit;
		const around = (xy: [number, number]) =>
			[60, 120, 180].flatMap((km) =>
				[0, 1, 2, 3, 4, 5, 6, 7].map((i): [number, number] => [
					xy[0] + Math.cos((i * Math.PI) / 4) * km * pxPerKm,
					xy[1] + Math.sin((i * Math.PI) / 4) * km * pxPerKm
				])
			);
		// A main country's name never stands on the other's side of the line (where its usual
		// spot is taken, the points around it reach up to 180 km, across the border in a close-up).
		const other = iso === 'AFG' ? 'PAK' : iso === 'PAK' ? 'AFG' : null;
		let spots: [number, number][] = [];
		if (main && fixedOnScreen)
			spots = around(fixedOnScreen).filter(
				(xy) => onScreen(xy, bounds) && side(xy[0], xy[1]) !== other
			);
		else if (main && fixed) {
			// The usual spot brought onto the screen, and points around it, where they are on the
			// country's side of the line; then the roomiest points on that side near the line.
			const p = s(fixed);
			const clamped: [number, number] = [
				Math.min(Math.max(p[0], bounds.x + box.width / 2), bounds.x + bounds.width - box.width / 2),
				Math.min(Math.max(p[1], bounds.y + box.height), bounds.y + bounds.height - box.height)
			];
			spots = [
				...[clamped, ...around(clamped)].filter(
					(xy) => onScreen(xy, bounds) && side(xy[0], xy[1]) === iso
				),
				...countryLabelSpots(durand, iso as 'AFG' | 'PAK', bounds, box, 200 * pxPerKm)
			];
		}
		const [first, ...others] = fixedOnScreen ? [fixedOnScreen, ...spots] : spots;
		if (!first) continue;
		add({
			id: `country:${iso}`,
			text: name,
			x: first[0],
			y: first[1],
			alternatives: others,
			priority: main ? LABEL_PRIORITY.country : LABEL_PRIORITY.neighbourCountry,
			fontSize: size,
			gap: 0,
			weight: 'bold',
			caps,
			positions: ['center', 'bottom', 'top']
		});
	}

	// Districts the step names, as area labels (italic, like provinces) at their documented
	// point: the map has no district boundaries, so none is drawn. An edition's map names the
	// districts the English one does (its map text lists them per step).
	const named =
		edition?.districts[state.stepId] ??
		namedDistricts(
			map,
			[
				input.text ?? '',
				state.view.label,
				...state.annotations.map((a) => a.text),
				...input.routes.map((r) => r.label ?? '')
			],
			state.markers.map((m) => m.label ?? '')
		);
	const about = new Set([...markedIds, ...state.annotations.map((a) => a.place)]);
	for (const id of named) {
		const own = map.places.get(id);
		const rule = DISTRICT_LABELS[id];
		if (!own || !rule || marked(id)) continue;
		const towns = rule.within
			.map((w) => map.places.get(w))
			.filter((p) => p !== undefined && p.place.kind !== 'crossing')
			.map((p) => p!.xy);
		const points = [own.xy, ...towns].map((xy) => s(xy)).filter((xy) => onScreen(xy, bounds));
		const [first, ...others] = points;
		if (!first) continue;
		const text = placeName(id, own.place);
		add({
			id: `district:${id}`,
			text,
			x: first[0],
			y: first[1],
			alternatives: others,
			// "North Waziristan" may stand in two lines where one does not fit.
			narrower: text.includes(' ') ? [wrapText(text, Math.ceil(text.length / 2))] : undefined,
			// The district of a place the step marks comes first.
			priority: rule.within.some((w) => about.has(w))
				? LABEL_PRIORITY.districtOfMarkedPlace
				: LABEL_PRIORITY.district,
			fontSize: fontSize - 1,
			gap: 2,
			// An area's name may stand a little off its point, still well inside a district.
			fallbackGaps: [14, 26],
			// On Pakistan's side of the border, every corner of it.
			allowed: (b) => onSideOf('PAK', b),
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
		// At its centroid, or where that is taken or off screen, deeper inside it where it fits.
		const spots = prov.spots
			.map(([x, y, room]) => ({ xy: s([x, y]), room: room * camera.k }))
			.filter((p) => onScreen(p.xy, bounds));
		const centroid = s(prov.centroid);
		const [xy, ...others] = [
			...(onScreen(centroid, bounds) ? [centroid] : []),
			...spots.map((p) => p.xy)
		];
		if (!xy) continue;
		add({
			id: `province:${prov.iso}`,
			text: edition?.names[prov.iso] ?? prov.name,
			x: xy[0],
			y: xy[1],
			alternatives: others,
			// At the centroid as it always stood; elsewhere only within that spot's room.
			allowed: (b) =>
				besidePoint(b, centroid) ||
				spots.some((p) => besidePoint(b, p.xy) && fitsSpot(b, p.xy, p.room)),
			priority: lit ? LABEL_PRIORITY.highlightedProvince : LABEL_PRIORITY.province,
			fontSize: fontSize - 1,
			gap: 0,
			positions: ['center', 'bottom', 'top', 'right', 'left']
		});
	}

	// Reference dots are drawn as areas where the place is approximate (MarkerLayer).
	const refRadius = (p: MapPlace) =>
		drawnAsArea(p) ? areaRadius(REFERENCE_APPROX_KM, map.kmPerUnit, camera.k, 7) : 4;
	// The map data lists places most important first (data-src/place_picks.json): where two
	// cities' names compete, the earlier one is named first.
	const rank = new Map([...map.places.keys()].map((id, i) => [id, i]));
	for (const [id, p] of map.places) {
		if (!isReferencePlace(p.place, state.layers)) continue;
		const xy = s(p.xy);
		if (!onScreen(xy, bounds)) continue;
		const city = p.place.kind === 'city';
		const country = city ? side(xy[0], xy[1]) : null;
		add({
			id: `place:${id}`,
			text: placeName(id, p.place),
			x: xy[0],
			y: xy[1],
			priority: (city ? LABEL_PRIORITY.city : LABEL_PRIORITY.crossing) - (rank.get(id) ?? 0) / 1000,
			fontSize: fontSize - 1,
			gap: refRadius(p.place),
			point: 'reference',
			// A city's name stands in its own country: on its side of the Durand Line, every corner.
			...(country ? { allowed: (b: Rect) => onSideOf(country, b) } : {}),
			// Drawn bold like every place name (LabelLayer). The English estimate measures these at
			// the regular width, which its average advance covers for Latin names; an edition's
			// shaped widths are exact, so they are measured at the weight they are drawn in.
			...(edition ? { weight: 'bold' as const } : {})
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
	const placed = placeLabels(out, obstacles, bounds, 2, dots, lines, metrics);
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
		lines,
		metrics
	);
	const second = have(again);
	return [...first].every((id) => second.has(id)) && second.size > first.size ? again : placed;
}

/** The same text broken into two, then three, shorter lines (each break that differs). */
function narrowerBreaks(text: string): string[][] {
	const seen = new Set([JSON.stringify(text.length > 22 ? wrapText(text, 20) : [text])]);
	const out: string[][] = [];
	for (const parts of [2, 3]) {
		const lines = wrapText(text, Math.max(8, Math.ceil(text.length / parts) + 2));
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
 * The districts a step's map names as areas: those its `words` name — its view, notes and route
 * labels (the map description does not travel to the live map, and its picture must match the
 * server's), and its prose where the caller has it — less those one of its `markers`' own labels
 * already names. In English words: an edition's map names the districts its English map does
 * (the server lists them in the edition's map text).
 */
export function namedDistricts(
	map: { places: { has(id: string): boolean }; provinces: readonly { name: string }[] },
	words: string[],
	markers: string[]
): string[] {
	const districts = Object.entries(DISTRICT_LABELS)
		.filter(([id]) => map.places.has(id))
		.map(([id, d]) => ({ id, names: d.names }));
	const notNames = [...map.provinces.map((p) => p.name), 'Afghanistan', 'Pakistan'];
	const named = districtsNamed(words, districts, notNames);
	const labelled = new Set(districtsNamed(markers, districts, notNames));
	return named.filter((id) => !labelled.has(id));
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
		if (out.length === 30) break;
	}
	return out;
}

/** The Durand Line on screen at one camera: which side of it a point lies on, and how far a box is from it. */
export interface DurandOnScreen {
	/**
	 * Which side of the line a screen point lies on: the side of the nearest segment. The line is
	 * the whole border between the two countries, so near it (in every close-up) this is the
	 * country the point is in; far from it, beyond its ends, it is only a guess (null).
	 */
	side(x: number, y: number): 'AFG' | 'PAK' | null;
	/** Both at once: the side a point is on and its distance (px) from the line. */
	at(x: number, y: number): { side: 'AFG' | 'PAK' | null; distance: number };
	/** Distance (px) from a box to the line (0 if the line enters it), looked for up to `cap`. */
	room(r: Rect, cap?: number): number;
}

/**
 * The Durand Line projected for a camera, built once per frame. Points closer than half a pixel
 * to the last one kept are dropped (no label moves by that), and each segment's bounding box is
 * kept in flat arrays, so a query skips in four comparisons every segment farther away than the
 * nearest found so far: label placement asks hundreds of these per frame.
 */
export function durandOnScreen(map: MapGeo, camera: Camera): DurandOnScreen {
	const pts: [number, number][] = [];
	const all = map.durand.points;
	for (let i = 0; i < all.length; i++) {
		const p = apply(camera, all[i]!);
		const last = pts[pts.length - 1];
		if (!last || i === all.length - 1 || Math.hypot(p[0] - last[0], p[1] - last[1]) >= 0.5)
			pts.push(p);
	}
	const n = pts.length - 1;
	const ax = new Float64Array(n),
		ay = new Float64Array(n);
	const bx = new Float64Array(n),
		by = new Float64Array(n);
	const x0 = new Float64Array(n),
		x1 = new Float64Array(n);
	const y0 = new Float64Array(n),
		y1 = new Float64Array(n);
	for (let i = 0; i < n; i++) {
		const [a, b] = [pts[i]!, pts[i + 1]!];
		[ax[i], ay[i], bx[i], by[i]] = [a[0], a[1], b[0], b[1]];
		[x0[i], x1[i]] = [Math.min(a[0], b[0]), Math.max(a[0], b[0])];
		[y0[i], y1[i]] = [Math.min(a[1], b[1]), Math.max(a[1], b[1])];
	}
	/** Squared distance from (x, y) to segment i, with the side it lies on and whether the
	 *  nearest point is one of the line's two ends. */
	let sign = 0;
	let beyond = false;
	const toSegment = (i: number, x: number, y: number) => {
		const dx = bx[i]! - ax[i]!;
		const dy = by[i]! - ay[i]!;
		const len2 = dx * dx + dy * dy;
		const t = len2 ? Math.max(0, Math.min(1, ((x - ax[i]!) * dx + (y - ay[i]!) * dy) / len2)) : 0;
		const qx = ax[i]! + t * dx - x;
		const qy = ay[i]! + t * dy - y;
		sign = Math.sign(dx * (y - ay[i]!) - dy * (x - ax[i]!));
		beyond = (i === 0 && t === 0) || (i === n - 1 && t === 1);
		return qx * qx + qy * qy;
	};
	// Neighbouring queries (a grid scan) have neighbouring nearest segments: start from the last.
	let hint = 0;
	/** The nearest segment's squared distance, sign and end flag. */
	const nearest = (x: number, y: number) => {
		let best = toSegment(hint, x, y);
		let bestI = hint;
		let bestSign = sign;
		let bestBeyond = beyond;
		let reach = Math.sqrt(best);
		for (let i = 0; i < n; i++) {
			if (
				i === hint ||
				x0[i]! - x > reach ||
				x - x1[i]! > reach ||
				y0[i]! - y > reach ||
				y - y1[i]! > reach
			)
				continue;
			const d = toSegment(i, x, y);
			if (d < best || (d === best && i < bestI)) {
				[best, bestI, bestSign, bestBeyond] = [d, i, sign, beyond];
				reach = Math.sqrt(best);
			}
		}
		hint = bestI;
		return { d2: best, sign: bestBeyond ? 0 : bestSign };
	};
	if (n < 1)
		return {
			side: () => null,
			at: () => ({ side: null, distance: Infinity }),
			room: (_r, cap = 120) => cap
		};
	// Which sign is Afghanistan: the one most Afghan province centroids are on. A map clipped to
	// its view (static maps, the share card) has no centroid for a province outside it: one NaN
	// would turn the vote, and with it every country label, to the wrong side.
	let vote = 0;
	for (const p of map.provinces) {
		const [x, y] = apply(camera, p.centroid);
		if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
		vote += (p.country === 'AFG' ? 1 : p.country === 'PAK' ? -1 : 0) * nearest(x, y).sign;
	}
	const afg = vote >= 0 ? 1 : -1;
	const country = (s: number) => (s === 0 ? null : s === afg ? 'AFG' : 'PAK');
	return {
		side: (x, y) => country(nearest(x, y).sign),
		at(x, y) {
			const { sign, d2 } = nearest(x, y);
			return { side: country(sign), distance: Math.sqrt(d2) };
		},
		room(r, cap = 120) {
			let best = cap;
			for (let i = 0; i < n; i++) {
				if (
					x0[i]! > r.x + r.width + best ||
					x1[i]! < r.x - best ||
					y0[i]! > r.y + r.height + best ||
					y1[i]! < r.y - best
				)
					continue;
				if (segmentHitsRect([ax[i]!, ay[i]!], [bx[i]!, by[i]!], r)) return 0;
				const dx = Math.max(r.x - x1[i]!, 0, x0[i]! - r.x - r.width);
				const dy = Math.max(r.y - y1[i]!, 0, y0[i]! - r.y - r.height);
				best = Math.min(best, Math.hypot(dx, dy));
			}
			return best;
		}
	};
}

/**
 * Points on one side of the Durand Line, inside the view, to centre a country's name on,
 * roomiest first: a grid over the view, kept where a `size` box centred there is on screen, on
 * the country's side, within `maxDistance` px of the line and clear of it, scored by its
 * distance from the line, and thinned to points 30 px apart.
 */
export function countryLabelSpots(
	line: DurandOnScreen,
	iso3: 'AFG' | 'PAK',
	bounds: Rect,
	size: { width: number; height: number } = { width: 0, height: 0 },
	maxDistance = Infinity
): [number, number][] {
	const w = size.width;
	const h = size.height;
	const step = Math.max(10, Math.min(bounds.width, bounds.height) / 20);
	const spots: { xy: [number, number]; room: number }[] = [];
	for (let y = bounds.y + h / 2; y <= bounds.y + bounds.height - h / 2; y += step)
		for (let x = bounds.x + w / 2; x <= bounds.x + bounds.width - w / 2; x += step) {
			const { side, distance } = line.at(x, y);
			// Far from the line its side says little (a third country may lie there).
			if (side !== iso3 || distance >= maxDistance) continue;
			const r = line.room({ x: x - w / 2, y: y - h / 2, width: w, height: h });
			if (r > 2) spots.push({ xy: [x, y], room: r });
		}
	spots.sort((a, b) => b.room - a.room);
	const out: [number, number][] = [];
	for (const { xy } of spots) {
		if (out.every((o) => (o[0] - xy[0]) ** 2 + (o[1] - xy[1]) ** 2 >= 900)) out.push(xy);
		if (out.length === 30) break;
	}
	return out;
}
