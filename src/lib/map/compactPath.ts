/**
 * A d3-geo path context that writes compact SVG path data: coordinates snapped to a grid of
 * 1/`scale` base-frame units and written as relative moves between grid points. Small integers
 * compress far better than absolute decimals (the inline base map is about half the size of
 * d3's own output), and because every move is between snapped points, rounding never drifts.
 *
 * The path's coordinates are in grid units: draw it inside `transform="scale(1/scale)"`.
 */
export interface CompactPathContext {
	beginPath(): void;
	moveTo(x: number, y: number): void;
	lineTo(x: number, y: number): void;
	closePath(): void;
	arc(x: number, y: number, r: number): void;
	/** The path written since the last call, and a fresh start. */
	result(): string;
}

export function compactPathContext(scale: number): CompactPathContext {
	let out = '';
	let px = 0;
	let py = 0;
	let sx = 0;
	let sy = 0;
	let started = false;
	const num = (v: number) => (v < 0 ? String(v) : ' ' + v);
	return {
		beginPath() {
			// Subpaths start with moveTo; nothing to do.
		},
		moveTo(x, y) {
			const qx = Math.round(x * scale);
			const qy = Math.round(y * scale);
			out += started ? `m${num(qx - px).trim()}${num(qy - py)}` : `M${qx}${num(qy)}`;
			started = true;
			px = sx = qx;
			py = sy = qy;
		},
		lineTo(x, y) {
			const qx = Math.round(x * scale);
			const qy = Math.round(y * scale);
			if (qx === px && qy === py) return;
			out += `l${num(qx - px).trim()}${num(qy - py)}`;
			px = qx;
			py = qy;
		},
		closePath() {
			out += 'z';
			px = sx;
			py = sy;
		},
		arc() {
			// Point geometries are never drawn through this context.
		},
		result() {
			const r = out;
			out = '';
			started = false;
			px = py = sx = sy = 0;
			return r;
		}
	};
}
