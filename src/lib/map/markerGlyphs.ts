/**
 * The shapes of the step markers, one definition for the map and its key: the legend draws the
 * same glyph a little smaller (r 6 in its 26×14 swatch; the map's is r 7, with a white outline
 * that lifts it off the land).
 */
export type GlyphKind = 'strike' | 'attack' | 'clash';

/** Path of a glyph centred on (x, y); `r` is half its height. */
export function glyphPath(kind: GlyphKind, x: number, y: number, r: number): string {
	switch (kind) {
		case 'strike': // a diamond
			return `M${x},${y - r}L${x + r},${y}L${x},${y + r}L${x - r},${y}Z`;
		case 'attack': // a triangle, its base a pixel above the diamond's foot
			return `M${x},${y - r}L${x + r},${y + r - 1}L${x - r},${y + r - 1}Z`;
		case 'clash': {
			// crossed strokes
			const h = r - 2;
			return `M${x - h},${y - h}L${x + h},${y + h}M${x + h},${y - h}L${x - h},${y + h}`;
		}
	}
}

/** Side (px) of a crossing's square, on the map and in the key. */
export const CROSSING_SIDE = 10;
