/**
 * Label placement: a greedy pass in priority order. Each label tries positions around its
 * anchor (right, left, above, below, then diagonals) and takes the first that overlaps no placed
 * label, no marker, is crossed by no line (the border, routes) and stays inside the viewport; a
 * label with no free position is dropped rather than drawn over something else. A point's name
 * never stands where it reads as another point's, nor two names where they read as one.
 */
export interface Rect {
	x: number;
	y: number;
	width: number;
	height: number;
}

export interface LabelCandidate {
	id: string;
	text: string;
	/** Anchor on screen. */
	x: number;
	y: number;
	/** Higher goes first. */
	priority: number;
	fontSize: number;
	/** Clearance around the anchor (the marker's radius). */
	gap: number;
	/** Bold labels are wider. */
	weight?: 'normal' | 'bold';
	/** Letter-spaced capitals (country names) are wider still. */
	caps?: boolean;
	/** Text broken into lines (annotations); defaults to [text]. */
	lines?: string[];
	/** Allowed positions; defaults to all eight. */
	positions?: Position[];
	/**
	 * May cover context dots (see placeLabels' `soft`) when no position is free otherwise: the
	 * name of a place the step is about matters more than a city shown for orientation.
	 */
	displaces?: boolean;
	/** Narrower line breaks of the same text to try when the usual one fits nowhere. */
	narrower?: string[][];
	/** Other anchors to try, in order, when no position around the first one is free. */
	alternatives?: [number, number][];
	/** Screen points of a line the label must not sit on (the Durand Line for its own name). */
	avoid?: [number, number][];
	/**
	 * Padding (x, y) of a frame drawn around the text (note boxes): the frame, not only the text,
	 * must keep clear of other labels, markers and lines.
	 */
	frame?: [number, number];
	/**
	 * Larger clearances from the anchor to try, in order, when no position fits at `gap`: a
	 * marker's name a few pixels farther out beats no name at all.
	 */
	fallbackGaps?: number[];
	/**
	 * Offsets (dx, dy) from the anchor at which the label may stand apart, joined to its point by
	 * a leader line, when it fits nowhere beside it (tried last). The leader crosses no label.
	 */
	leaderOffsets?: [number, number][];
	/** Where else the label may not go: a box it returns false for is not used. */
	allowed?: (box: Rect) => boolean;
	/**
	 * The label names a point on the map: a marker, always drawn, or a reference dot, drawn only
	 * where named. Its name beside its point stands nearer that point than any other drawn
	 * point, or a reader takes it for the other's (set apart, its leader line says whose it is);
	 * a reference dot that would stand as near a name already placed is left unnamed.
	 */
	point?: 'marker' | 'reference';
}

/** A line labels must not be written across (the Durand Line, a route), in screen points. */
export type Polyline = [number, number][];

/** How far (px) a label's box keeps from a line: half the widest stroke plus the text's halo. */
export const LINE_CLEARANCE = 3;

/** A context dot (a city or crossing shown for orientation) and the id of its own label. */
export interface SoftObstacle {
	labelId: string;
	rect: Rect;
}

export type Position =
	| 'right'
	| 'left'
	| 'top'
	| 'bottom'
	| 'top-right'
	| 'bottom-right'
	| 'top-left'
	| 'bottom-left'
	| 'center';

export interface PlacedLabel {
	id: string;
	text: string;
	lines: string[];
	fontSize: number;
	/** The point labelled (for leader lines). */
	ax: number;
	ay: number;
	/** Text anchor point and alignment for SVG <text>. */
	x: number;
	y: number;
	anchor: 'start' | 'middle' | 'end';
	box: Rect;
	position: Position;
	/** A label set apart from its point: the leader line from the point's edge to the box. */
	leader?: [number, number, number, number];
}

export const LINE_HEIGHT = 1.2;

const ALL: Position[] = [
	'right',
	'left',
	'top',
	'bottom',
	'top-right',
	'bottom-right',
	'top-left',
	'bottom-left'
];

/** Approximate text width: average glyph advance of a sans-serif at this size. */
export function textWidth(
	text: string,
	fontSize: number,
	weight: 'normal' | 'bold' = 'normal',
	caps = false
): number {
	const avg = caps ? 0.78 : weight === 'bold' ? 0.6 : 0.55;
	return text.length * fontSize * avg;
}

/**
 * How the placer sizes a label's box. Each line has a box `lineHeight` tall, its text centred in
 * it as CSS centres a line's text; the label's box is its lines' boxes, grown by `extra` where the
 * font's glyph cells reach beyond them (what a browser measures as the text's box).
 */
export interface LabelMetrics {
	/** Width in px of one line of text at this size. */
	width: (line: string, fontSize: number, weight?: 'normal' | 'bold', caps?: boolean) => number;
	/** Distance between baselines, em. */
	lineHeight: number;
	/** The first baseline below the top of its line box, less the half-leading, em. */
	ascent: number;
	/** How far the glyph cells of the first and last lines reach beyond the lines' boxes, em. */
	extra: number;
}

/**
 * The English map's metrics: widths estimated from the character count (textWidth), an ascent of
 * about 0.8 em and glyphs within their lines.
 */
export const ESTIMATED_METRICS: LabelMetrics = {
	width: textWidth,
	lineHeight: LINE_HEIGHT,
	ascent: 0.8,
	extra: 0
};

/** Height (px) of the box of `lines` lines of text at `fontSize`. */
export function textHeight(
	lines: number,
	fontSize: number,
	metrics: LabelMetrics = ESTIMATED_METRICS
): number {
	return lines * (fontSize * metrics.lineHeight) + fontSize * metrics.extra;
}

export function overlaps(a: Rect, b: Rect, pad = 0): boolean {
	return (
		a.x < b.x + b.width + pad &&
		b.x < a.x + a.width + pad &&
		a.y < b.y + b.height + pad &&
		b.y < a.y + a.height + pad
	);
}

function inside(r: Rect, bounds: Rect): boolean {
	return (
		r.x >= bounds.x &&
		r.y >= bounds.y &&
		r.x + r.width <= bounds.x + bounds.width &&
		r.y + r.height <= bounds.y + bounds.height
	);
}

export function boxFor(
	c: LabelCandidate,
	position: Position,
	metrics: LabelMetrics = ESTIMATED_METRICS
): { box: Rect; x: number; y: number; anchor: PlacedLabel['anchor'] } {
	const lines = c.lines ?? [c.text];
	const w = Math.max(...lines.map((l) => metrics.width(l, c.fontSize, c.weight, c.caps)));
	const lineHeight = c.fontSize * metrics.lineHeight;
	const h = textHeight(lines.length, c.fontSize, metrics);
	const g = c.gap + 3;
	// Diagonal boxes keep the same clearance as the sides: their corner must clear the marker's
	// own square, which a shorter diagonal (0.75 g) cut into, ruling out four of eight positions.
	const d = g;
	let bx: number;
	let by: number;
	let anchor: PlacedLabel['anchor'];
	switch (position) {
		case 'right':
			[bx, by, anchor] = [c.x + g, c.y - h / 2, 'start'];
			break;
		case 'left':
			[bx, by, anchor] = [c.x - g - w, c.y - h / 2, 'end'];
			break;
		case 'top':
			[bx, by, anchor] = [c.x - w / 2, c.y - g - h, 'middle'];
			break;
		case 'bottom':
			[bx, by, anchor] = [c.x - w / 2, c.y + g, 'middle'];
			break;
		case 'top-right':
			[bx, by, anchor] = [c.x + d, c.y - d - h, 'start'];
			break;
		case 'bottom-right':
			[bx, by, anchor] = [c.x + d, c.y + d, 'start'];
			break;
		case 'top-left':
			[bx, by, anchor] = [c.x - d - w, c.y - d - h, 'end'];
			break;
		case 'bottom-left':
			[bx, by, anchor] = [c.x - d - w, c.y + d, 'end'];
			break;
		case 'center':
			[bx, by, anchor] = [c.x - w / 2, c.y - h / 2, 'middle'];
			break;
	}
	const x = anchor === 'start' ? bx : anchor === 'end' ? bx + w : bx + w / 2;
	// First baseline: the line box's top plus half the leading plus the font's ascent.
	const y = by + (lineHeight - c.fontSize) / 2 + c.fontSize * metrics.ascent;
	return { box: { x: bx, y: by, width: w, height: h }, x, y, anchor };
}

/** The box with a frame's padding added on each side. */
function framed(box: Rect, [fx, fy]: [number, number]): Rect {
	return { x: box.x - fx, y: box.y - fy, width: box.width + 2 * fx, height: box.height + 2 * fy };
}

/** Segments of lines near the drawable area, with their bounding boxes for a quick reject. */
function segmentsOf(lines: Polyline[], bounds: Rect, margin: number) {
	const out: { a: [number, number]; b: [number, number]; r: Rect }[] = [];
	const near = framed(bounds, [margin, margin]);
	for (const line of lines)
		for (let i = 1; i < line.length; i++) {
			const a = line[i - 1] as [number, number];
			const b = line[i] as [number, number];
			const r = {
				x: Math.min(a[0], b[0]),
				y: Math.min(a[1], b[1]),
				width: Math.abs(a[0] - b[0]),
				height: Math.abs(a[1] - b[1])
			};
			if (overlaps(r, near)) out.push({ a, b, r });
		}
	return out;
}

/**
 * Places labels without overlap. `obstacles` are screen rectangles labels must avoid (markers,
 * legend, scale bar); `bounds` is the drawable area; `lines` are lines no label may be written
 * across (the Durand Line, routes), kept `LINE_CLEARANCE` px away; `metrics` size the boxes
 * (an edition's shaped word widths, see labelText.ts; the English estimate by default).
 */
export function placeLabels(
	candidates: LabelCandidate[],
	obstacles: Rect[],
	bounds: Rect,
	pad = 2,
	soft: SoftObstacle[] = [],
	lines: Polyline[] = [],
	metrics: LabelMetrics = ESTIMATED_METRICS
): PlacedLabel[] {
	const placed: PlacedLabel[] = [];
	const taken: Rect[] = [...obstacles];
	/** Context dots covered by a more important label: they and their labels are dropped. */
	const displaced = new Set<string>();
	const standing = () => soft.filter((o) => !displaced.has(o.labelId));
	const sorted = [...candidates].sort(
		(a, b) => b.priority - a.priority || a.id.localeCompare(b.id)
	);
	const segments = segmentsOf(lines, bounds, 40);
	/** Markers: drawn whether or not they are named. */
	const markers = sorted.filter((c) => c.point === 'marker');
	/** The labels placed so far that name a point, and the kind of point. */
	const named: { label: PlacedLabel; kind: 'marker' | 'reference' }[] = [];
	/**
	 * Points on the map a label may be taken for: markers, and reference dots once named (an
	 * unnamed one is not drawn) and not displaced.
	 */
	const drawnPoints = (): { id: string; x: number; y: number }[] => [
		...markers,
		...named
			.filter((n) => n.kind === 'reference' && !displaced.has(n.label.id))
			.map(({ label: l }) => ({ id: l.id, x: l.ax, y: l.ay }))
	];
	/**
	 * Whether a box beside point c reads as another drawn point's name: the box's corner or side
	 * nearest c (where a reader joins a name to its point) is as near another point as c.
	 */
	const ambiguous = (c: LabelCandidate, box: Rect) => {
		const [jx, jy] = nearestInRect(c.x, c.y, box);
		const own = Math.hypot(jx - c.x, jy - c.y);
		return drawnPoints().some(
			(o) => o.id !== c.id && (o.x !== c.x || o.y !== c.y) && Math.hypot(jx - o.x, jy - o.y) <= own
		);
	};
	/** Whether naming reference point c (drawing its dot) would make a placed name ambiguous. */
	const confuses = (c: LabelCandidate) =>
		c.point === 'reference' &&
		named.some(({ label: l }) => {
			if (l.leader || (c.x === l.ax && c.y === l.ay)) return false;
			const [jx, jy] = nearestInRect(l.ax, l.ay, l.box);
			return Math.hypot(jx - c.x, jy - c.y) <= Math.hypot(jx - l.ax, jy - l.ay);
		});
	const crossed = (box: Rect) => {
		const r = framed(box, [LINE_CLEARANCE, LINE_CLEARANCE]);
		return segments.some((s) => overlaps(s.r, r) && segmentHitsRect(s.a, s.b, r));
	};
	const onLine = (box: Rect, line: [number, number][] | undefined) =>
		!!line && line.some((a, i) => i > 0 && segmentHitsRect(line[i - 1]!, a, box));
	/** The placed labels' text, for runsOn. */
	const words: Rect[] = [];
	const fits = (box: Rect, dots: SoftObstacle[], em: number, line?: [number, number][]) =>
		inside(box, bounds) &&
		!onLine(box, line) &&
		!taken.some((t) => overlaps(box, t, pad)) &&
		!words.some((w) => runsOn(box, w, em)) &&
		!dots.some((o) => overlaps(box, o.rect, pad)) &&
		!crossed(box);
	for (const c of sorted) {
		if (displaced.has(c.id) || confuses(c)) continue;
		const positions = c.positions ?? ALL;
		const frame = c.frame ?? [0, 0];
		// The candidate's own dot never blocks its label.
		const dots = standing().filter((o) => o.labelId !== c.id);
		// Where the label may go: each position around the anchor, then around each alternative
		// anchor, and then all of that again with the text broken into narrower lines, if offered;
		// last, the same a little farther out, if the candidate allows it.
		const layouts = [c.lines, ...(c.narrower ?? [])];
		const gaps = [c.gap, ...(c.fallbackGaps ?? [])];
		const anchors = [c, ...(c.alternatives ?? []).map(([x, y]) => ({ ...c, x, y }))];
		const around = (a: LabelCandidate, gap: number, leader: boolean) =>
			layouts.flatMap((lines) => {
				const at = { ...a, lines, gap };
				return positions.map((p) => {
					const b = boxFor(at, p, metrics);
					return { p, at, ...b, outer: framed(b.box, frame), leader };
				});
			});
		const options = [
			...gaps.flatMap((gap) => anchors.flatMap((a) => around(a, gap, false))),
			...(c.leaderOffsets ?? []).flatMap(([dx, dy]) =>
				around({ ...c, x: c.x + dx, y: c.y + dy }, 2, true)
			)
		];
		/** The leader from the point's edge to the nearest point of the box, if it crosses no label. */
		const leaderTo = (box: Rect): [number, number, number, number] | null => {
			const [ex, ey] = nearestInRect(c.x, c.y, box);
			const d = Math.hypot(ex - c.x, ey - c.y) || 1;
			const r = Math.min(c.gap, d);
			const seg: [number, number, number, number] = [
				c.x + ((ex - c.x) * r) / d,
				c.y + ((ey - c.y) * r) / d,
				ex,
				ey
			];
			return placed.some((l) => segmentHitsRect([seg[0], seg[1]], [seg[2], seg[3]], l.box))
				? null
				: seg;
		};
		const ok = (b: (typeof options)[0], d: SoftObstacle[]) =>
			fits(b.outer, d, c.fontSize, c.avoid) &&
			(!c.allowed || c.allowed(b.outer)) &&
			(b.leader ? leaderTo(b.outer) !== null : !c.point || !ambiguous(c, b.box));
		let chosen = options.find((b) => ok(b, dots));
		if (!chosen && c.displaces) {
			chosen = options.find((b) => ok(b, []));
			if (chosen) {
				const box = chosen.outer;
				for (const o of dots) if (overlaps(box, o.rect, pad)) displaced.add(o.labelId);
			}
		}
		if (!chosen) continue;
		const { p: position, at, box, x, y, anchor, outer } = chosen;
		const leader = chosen.leader ? (leaderTo(outer) ?? undefined) : undefined;
		const label: PlacedLabel = {
			id: c.id,
			text: c.text,
			lines: at.lines ?? [c.text],
			fontSize: c.fontSize,
			// A label set apart still belongs to its own point.
			ax: leader ? c.x : at.x,
			ay: leader ? c.y : at.y,
			x,
			y,
			anchor,
			box,
			position,
			...(leader ? { leader } : {})
		};
		placed.push(label);
		if (c.point) named.push({ label, kind: c.point });
		taken.push(outer);
		words.push(box);
		// Later labels keep off this label's leader as off any other line.
		if (leader)
			segments.push(
				...segmentsOf(
					[
						[
							[leader[0], leader[1]],
							[leader[2], leader[3]]
						]
					],
					bounds,
					40
				)
			);
	}
	return placed;
}

/**
 * Whether two labels' text would read as one line: side by side on the same line (their
 * heights overlapping by half the shorter) with less than RUN_ON_GAP em between them. Two
 * names a word space apart read as one phrase, in either direction of writing.
 */
export function runsOn(a: Rect, b: Rect, em: number): boolean {
	const shared = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
	if (shared < Math.min(a.height, b.height) / 2) return false;
	const gap = Math.max(b.x - (a.x + a.width), a.x - (b.x + b.width));
	return gap < RUN_ON_GAP * em;
}

/** How far apart (em) two labels on the same line stand at least (runsOn). */
export const RUN_ON_GAP = 0.5;

/** The point of a rectangle nearest to (x, y): the point itself if inside. */
export function nearestInRect(x: number, y: number, r: Rect): [number, number] {
	return [Math.min(Math.max(x, r.x), r.x + r.width), Math.min(Math.max(y, r.y), r.y + r.height)];
}

/** Whether the segment a–b passes through the rectangle (Liang–Barsky clipping). */
export function segmentHitsRect(a: [number, number], b: [number, number], r: Rect): boolean {
	const dx = b[0] - a[0];
	const dy = b[1] - a[1];
	let t0 = 0;
	let t1 = 1;
	const edges: [number, number][] = [
		[-dx, a[0] - r.x],
		[dx, r.x + r.width - a[0]],
		[-dy, a[1] - r.y],
		[dy, r.y + r.height - a[1]]
	];
	for (const [p, q] of edges) {
		if (p === 0) {
			if (q < 0) return false;
			continue;
		}
		const t = q / p;
		if (p < 0) t0 = Math.max(t0, t);
		else t1 = Math.min(t1, t);
		if (t0 > t1) return false;
	}
	return true;
}
