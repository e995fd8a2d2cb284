/**
 * Map colours and type, applied as SVG presentation attributes (not CSS), so the same drawing
 * renders identically inline in the page, as a standalone .svg file and through resvg for the
 * share image. Colours were checked for contrast against the land colours (labels ≥ 4.5:1).
 */
export const PALETTE = {
	sea: '#dfe7ec',
	land: '#fbfaf6',
	landAfg: '#f6f0e4',
	landOther: '#e9e6df',
	provinceEdge: '#cdc5b6',
	border: '#8e877a',
	ink: '#222222',
	muted: '#57534b',
	highlight: '#c97a1c',
	highlightEdge: '#a85b12',
	fence: '#b3261e',
	strike: '#a4161a',
	event: '#3b3b3b',
	advance: '#3d3d3d',
	returns: '#1f5f8b',
	unverified: '#6c3fa0',
	noteBg: '#ffffff'
} as const;

export const FONT_SANS = "'Source Sans 3', 'Helvetica Neue', Arial, 'DejaVu Sans', sans-serif";
/**
 * The map's type in the Urdu and Pashto editions: Noto Naskh Arabic (declared with @font-face in
 * the editions' CSS), Source Sans 3 for what it lacks (Western digits, Latin, some punctuation):
 * on the page under the family the editions declare for their one Latin face (src/editions.css),
 * so their pages load no other; by name where no page CSS applies (static maps, the share image).
 * Label widths there are shaped in these two at build time (src/lib/server/mapText.ts).
 */
export const FONT_NASKH =
	"'Noto Naskh Arabic', 'Latin in RTL editions', 'Source Sans 3', sans-serif";
