/**
 * Label placement: a greedy pass in priority order. Each label tries positions around its
 * anchor (right, left, above, below, then diagonals) and takes the first that overlaps no placed
 * label, no marker and stays inside the viewport; a label with no free position is dropped
 * rather than drawn over something else.
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
}

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
	position: Position
): { box: Rect; x: number; y: number; anchor: PlacedLabel['anchor'] } {
	const lines = c.lines ?? [c.text];
	const w = Math.max(...lines.map((l) => textWidth(l, c.fontSize, c.weight, c.caps)));
	const lineHeight = c.fontSize * LINE_HEIGHT;
	const h = lines.length * lineHeight;
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
	// First baseline: the line box's top plus the font's ascent (~0.8em) plus half the leading.
	const y = by + (lineHeight - c.fontSize) / 2 + c.fontSize * 0.8;
	return { box: { x: bx, y: by, width: w, height: h }, x, y, anchor };
}

/**
 * Places labels without overlap. `obstacles` are screen rectangles labels must avoid (markers,
 * legend, scale bar); `bounds` is the drawable area.
 */
export function placeLabels(
	candidates: LabelCandidate[],
	obstacles: Rect[],
	bounds: Rect,
	pad = 2,
	soft: SoftObstacle[] = []
): PlacedLabel[] {
	const placed: PlacedLabel[] = [];
	const taken: Rect[] = [...obstacles];
	/** Context dots covered by a more important label: they and their labels are dropped. */
	const displaced = new Set<string>();
	const standing = () => soft.filter((o) => !displaced.has(o.labelId));
	const sorted = [...candidates].sort(
		(a, b) => b.priority - a.priority || a.id.localeCompare(b.id)
	);
	const onLine = (box: Rect, line: [number, number][] | undefined) =>
		!!line && line.some((a, i) => i > 0 && segmentHitsRect(line[i - 1]!, a, box));
	const fits = (box: Rect, dots: SoftObstacle[], line?: [number, number][]) =>
		inside(box, bounds) &&
		!onLine(box, line) &&
		!taken.some((t) => overlaps(box, t, pad)) &&
		!dots.some((o) => overlaps(box, o.rect, pad));
	for (const c of sorted) {
		if (displaced.has(c.id)) continue;
		const positions = c.positions ?? ALL;
		// The candidate's own dot never blocks its label.
		const dots = standing().filter((o) => o.labelId !== c.id);
		// Where the label may go: each position around the anchor, then around each alternative
		// anchor, and then all of that again with the text broken into narrower lines, if offered.
		const layouts = [c.lines, ...(c.narrower ?? [])];
		const anchors = [c, ...(c.alternatives ?? []).map(([x, y]) => ({ ...c, x, y }))];
		const options = layouts.flatMap((lines) =>
			anchors.flatMap((a) => {
				const at = { ...a, lines };
				return positions.map((p) => ({ p, at, ...boxFor(at, p) }));
			})
		);
		let chosen = options.find((b) => fits(b.box, dots, c.avoid));
		if (!chosen && c.displaces) {
			chosen = options.find((b) => fits(b.box, [], c.avoid));
			if (chosen) {
				const box = chosen.box;
				for (const o of dots) if (overlaps(box, o.rect, pad)) displaced.add(o.labelId);
			}
		}
		if (!chosen) continue;
		const { p: position, at, box, x, y, anchor } = chosen;
		placed.push({
			id: c.id,
			text: c.text,
			lines: at.lines ?? [c.text],
			fontSize: c.fontSize,
			ax: at.x,
			ay: at.y,
			x,
			y,
			anchor,
			box,
			position
		});
		taken.push(box);
	}
	return placed;
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

/** Breaks text into lines of at most `max` characters, at spaces. */
export function wrap(text: string, max: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/).filter(Boolean)) {
		if (line && (line + ' ' + word).length > max) {
			lines.push(line);
			line = word;
		} else line = line ? line + ' ' + word : word;
	}
	if (line) lines.push(line);
	return lines;
}
