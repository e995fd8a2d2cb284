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
	/** Allowed positions; defaults to all eight. */
	positions?: Position[];
}

export type Position = 'right' | 'left' | 'top' | 'bottom' | 'top-right' | 'bottom-right' | 'top-left' | 'bottom-left' | 'center';

export interface PlacedLabel {
	id: string;
	text: string;
	/** Text anchor point and alignment for SVG <text>. */
	x: number;
	y: number;
	anchor: 'start' | 'middle' | 'end';
	box: Rect;
	position: Position;
}

const ALL: Position[] = ['right', 'left', 'top', 'bottom', 'top-right', 'bottom-right', 'top-left', 'bottom-left'];

/** Approximate text width: average glyph advance of a sans-serif at this size. */
export function textWidth(text: string, fontSize: number, weight: 'normal' | 'bold' = 'normal'): number {
	const avg = weight === 'bold' ? 0.6 : 0.55;
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
	return r.x >= bounds.x && r.y >= bounds.y && r.x + r.width <= bounds.x + bounds.width && r.y + r.height <= bounds.y + bounds.height;
}

export function boxFor(c: LabelCandidate, position: Position): { box: Rect; x: number; y: number; anchor: PlacedLabel['anchor'] } {
	const w = textWidth(c.text, c.fontSize, c.weight);
	const h = c.fontSize * 1.2;
	const g = c.gap + 3;
	const d = g * 0.75;
	// Baseline sits ~0.35em below the box's vertical centre.
	const base = c.fontSize * 0.35;
	switch (position) {
		case 'right':
			return { box: { x: c.x + g, y: c.y - h / 2, width: w, height: h }, x: c.x + g, y: c.y + base, anchor: 'start' };
		case 'left':
			return { box: { x: c.x - g - w, y: c.y - h / 2, width: w, height: h }, x: c.x - g, y: c.y + base, anchor: 'end' };
		case 'top':
			return { box: { x: c.x - w / 2, y: c.y - g - h, width: w, height: h }, x: c.x, y: c.y - g - h / 2 + base, anchor: 'middle' };
		case 'bottom':
			return { box: { x: c.x - w / 2, y: c.y + g, width: w, height: h }, x: c.x, y: c.y + g + h / 2 + base, anchor: 'middle' };
		case 'top-right':
			return { box: { x: c.x + d, y: c.y - d - h, width: w, height: h }, x: c.x + d, y: c.y - d - h / 2 + base, anchor: 'start' };
		case 'bottom-right':
			return { box: { x: c.x + d, y: c.y + d, width: w, height: h }, x: c.x + d, y: c.y + d + h / 2 + base, anchor: 'start' };
		case 'top-left':
			return { box: { x: c.x - d - w, y: c.y - d - h, width: w, height: h }, x: c.x - d, y: c.y - d - h / 2 + base, anchor: 'end' };
		case 'bottom-left':
			return { box: { x: c.x - d - w, y: c.y + d, width: w, height: h }, x: c.x - d, y: c.y + d + h / 2 + base, anchor: 'end' };
		case 'center':
			return { box: { x: c.x - w / 2, y: c.y - h / 2, width: w, height: h }, x: c.x, y: c.y + base, anchor: 'middle' };
	}
}

/**
 * Places labels without overlap. `obstacles` are screen rectangles labels must avoid (markers,
 * legend, scale bar); `bounds` is the drawable area.
 */
export function placeLabels(candidates: LabelCandidate[], obstacles: Rect[], bounds: Rect, pad = 2): PlacedLabel[] {
	const placed: PlacedLabel[] = [];
	const taken: Rect[] = [...obstacles];
	const sorted = [...candidates].sort((a, b) => b.priority - a.priority || a.id.localeCompare(b.id));
	for (const c of sorted) {
		for (const position of c.positions ?? ALL) {
			const { box, x, y, anchor } = boxFor(c, position);
			if (!inside(box, bounds)) continue;
			if (taken.some((t) => overlaps(box, t, pad))) continue;
			placed.push({ id: c.id, text: c.text, x, y, anchor, box, position });
			taken.push(box);
			break;
		}
	}
	return placed;
}
