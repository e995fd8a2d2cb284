import { describe, expect, it } from 'vitest';
import {
	boxFor,
	LINE_CLEARANCE,
	overlaps,
	placeLabels,
	segmentHitsRect,
	textWidth,
	type LabelCandidate,
	type Position
} from '../../../src/lib/map/labelPlacement';
import { textMetrics } from '../../../src/lib/map/labelText';

const bounds = { x: 0, y: 0, width: 400, height: 300 };
const cand = (id: string, x: number, y: number, priority = 1): LabelCandidate => ({
	id,
	text: id,
	x,
	y,
	priority,
	fontSize: 12,
	gap: 4
});

describe('placeLabels', () => {
	it('never lets two placed labels overlap', () => {
		const many = Array.from({ length: 30 }, (_, i) =>
			cand(`Place ${i}`, 150 + (i % 5) * 6, 120 + Math.floor(i / 5) * 6)
		);
		const placed = placeLabels(many, [], bounds);
		for (let i = 0; i < placed.length; i++)
			for (let j = i + 1; j < placed.length; j++)
				expect(overlaps(placed[i]!.box, placed[j]!.box)).toBe(false);
		expect(placed.length).toBeGreaterThan(3);
		expect(placed.length).toBeLessThan(30);
	});

	it('keeps labels off markers and inside the map', () => {
		const marker = { x: 205, y: 95, width: 60, height: 10 };
		const placed = placeLabels([cand('Kabul', 200, 100)], [marker], bounds);
		expect(placed).toHaveLength(1);
		expect(overlaps(placed[0]!.box, marker)).toBe(false);
		const edge = placeLabels([cand('Herat', 398, 150)], [], bounds);
		expect(edge[0]!.anchor).toBe('end');
		expect(edge[0]!.box.x + edge[0]!.box.width).toBeLessThanOrEqual(400);
	});

	it('names a marker on a diagonal when its sides are taken, clear of its own square', () => {
		// A marker 16 px square at (200, 150), label gap 8, with obstacles right, left, above and
		// below it: only the four diagonal positions are left.
		const own = { x: 192, y: 142, width: 16, height: 16 };
		const sides = [
			{ x: 212, y: 143, width: 80, height: 14 },
			{ x: 108, y: 143, width: 80, height: 14 },
			{ x: 188, y: 100, width: 20, height: 36 },
			{ x: 188, y: 164, width: 20, height: 36 }
		];
		const placed = placeLabels([{ ...cand('Mir Ali', 200, 150), gap: 8 }], [own, ...sides], bounds);
		expect(placed).toHaveLength(1);
		expect(placed[0]!.position).toMatch(/^(top|bottom)-(left|right)$/);
		for (const o of [own, ...sides]) expect(overlaps(placed[0]!.box, o)).toBe(false);
	});

	it("lets a marker's name displace a context dot, which then loses its own label", () => {
		// A strip of map: the marker sits at its right edge, so only its left position fits, and a
		// city dot lies there.
		const city = { labelId: 'Gardez', rect: { x: 340, y: 146, width: 8, height: 8 } };
		const tight = { x: 0, y: 140, width: 400, height: 20 };
		const marker = { ...cand('Mir Ali', 390, 150, 27), gap: 8, displaces: true };
		const placed = placeLabels([marker, cand('Gardez', 344, 150)], [], tight, 2, [city]);
		expect(placed.map((l) => l.id)).toEqual(['Mir Ali']);
		// Without the right to displace, the dot keeps its place and the marker goes unnamed.
		const polite = placeLabels([{ ...marker, displaces: false }], [], tight, 2, [city]);
		expect(polite.some((l) => l.id === 'Mir Ali')).toBe(false);
		// A dot with room to spare is left alone.
		const roomy = placeLabels([cand('Gardez', 100, 150)], [], tight, 2, [
			{ ...city, rect: { x: 96, y: 146, width: 8, height: 8 } }
		]);
		expect(roomy.map((l) => l.id)).toEqual(['Gardez']);
	});

	it("writes a line's name beside the line, never across it", () => {
		// A nearly level line with its label anchored on it: right and left would sit across it.
		const line: [number, number][] = [
			[0, 140],
			[150, 140],
			[400, 150]
		];
		const placed = placeLabels([{ ...cand('Durand Line', 200, 142), avoid: line }], [], bounds);
		expect(placed).toHaveLength(1);
		const box = placed[0]!.box;
		expect(line.some((p, i) => i > 0 && segmentHitsRect(line[i - 1]!, p, box))).toBe(false);
		// Without the line to avoid, the first choice (right of the anchor) would cross it.
		const careless = placeLabels([cand('Durand Line', 200, 142)], [], bounds)[0]!.box;
		expect(line.some((p, i) => i > 0 && segmentHitsRect(line[i - 1]!, p, careless))).toBe(true);
	});

	it('moves to an alternative anchor when every position around the first is taken', () => {
		const wall = { x: 150, y: 100, width: 100, height: 100 }; // covers all around (200, 150)
		const placed = placeLabels(
			[{ ...cand('Durand Line', 200, 150), alternatives: [[60, 250]] }],
			[wall],
			bounds
		);
		expect(placed).toHaveLength(1);
		expect([placed[0]!.ax, placed[0]!.ay]).toEqual([60, 250]);
		expect(overlaps(placed[0]!.box, wall)).toBe(false);
		expect(placeLabels([cand('Durand Line', 200, 150)], [wall], bounds)).toHaveLength(0);
	});

	it('breaks a label into narrower lines when the usual ones fit nowhere', () => {
		// A strip 120 px wide: one long line does not fit, three short ones do.
		const strip = { x: 0, y: 0, width: 120, height: 300 };
		const long = {
			...cand('Durand Line: de facto border, never recognised', 60, 150),
			narrower: [['Durand Line:', 'de facto border,', 'never recognised']]
		};
		const placed = placeLabels([long], [], strip);
		expect(placed).toHaveLength(1);
		expect(placed[0]!.lines).toHaveLength(3);
		expect(placeLabels([{ ...long, narrower: undefined }], [], strip)).toHaveLength(0);
	});

	it('places higher-priority labels first', () => {
		const placed = placeLabels(
			[cand('Minor', 100, 100, 1), cand('Major', 100, 100, 5)],
			[],
			bounds
		);
		expect(placed[0]!.id).toBe('Major');
		expect(placed[0]!.position).toBe('right');
	});
});

describe('placeLabels: lines are obstacles', () => {
	/** Whether any segment of the polyline passes through the box. */
	const crosses = (
		line: [number, number][],
		box: { x: number; y: number; width: number; height: number }
	) => line.some((p, i) => i > 0 && segmentHitsRect(line[i - 1]!, p, box));
	// A border running down the map just right of a city: the city's first choice (right of its
	// dot) would be written across it.
	const border: [number, number][] = [
		[212, 0],
		[214, 150],
		[210, 300]
	];

	it('never writes a label across a line it is given, and keeps LINE_CLEARANCE from it', () => {
		const careless = placeLabels([cand('Peshawar', 200, 150)], [], bounds)[0]!;
		expect(careless.position).toBe('right');
		expect(crosses(border, careless.box)).toBe(true);
		const placed = placeLabels([cand('Peshawar', 200, 150)], [], bounds, 2, [], [border]);
		expect(placed).toHaveLength(1);
		const b = placed[0]!.box;
		const clear = {
			x: b.x - LINE_CLEARANCE,
			y: b.y - LINE_CLEARANCE,
			width: b.width + 2 * LINE_CLEARANCE,
			height: b.height + 2 * LINE_CLEARANCE
		};
		expect(crosses(border, clear)).toBe(false);
		expect(placed[0]!.position).toBe('left');
	});

	it('treats every line alike: the border and routes', () => {
		// A route leaving the city to the left as well: only above or below is free.
		const route: [number, number][] = [
			[40, 150],
			[120, 148],
			[196, 150]
		];
		const placed = placeLabels([cand('Khost', 200, 150)], [], bounds, 2, [], [border, route]);
		expect(placed).toHaveLength(1);
		expect(placed[0]!.position).toMatch(/^(top|bottom)/);
		for (const line of [border, route]) expect(crosses(line, placed[0]!.box)).toBe(false);
	});

	it("drops a lower-priority label that cannot keep off a line, and a marker's name goes first", () => {
		// A corridor between the border and the map's edge with room for one label only, right of
		// the shared anchor.
		const corridor = { x: 120, y: 140, width: 91, height: 22 };
		const city = cand('Khost', 150, 151, 10);
		const marker = { ...cand('Torkham', 150, 151, 27), gap: 4 };
		const placed = placeLabels([city, marker], [], corridor, 2, [], [border]);
		expect(placed.map((l) => l.id)).toEqual(['Torkham']);
		expect(crosses(border, placed[0]!.box)).toBe(false);
		// Alone, the city would have had that room.
		expect(placeLabels([city], [], corridor, 2, [], [border]).map((l) => l.id)).toEqual(['Khost']);
	});

	it("keeps a note's drawn frame, not only its text, off a line", () => {
		// The note's text would clear the line; its frame (5 px wider) would not.
		const line: [number, number][] = [
			[0, 125],
			[400, 125]
		];
		const note = { ...cand('Inland town', 200, 150), positions: ['top' as const], gap: 2 };
		const text = placeLabels([note], [], bounds, 2, [], [line]);
		expect(text).toHaveLength(1);
		const framed = placeLabels(
			[{ ...note, frame: [5, 5] as [number, number] }],
			[],
			bounds,
			2,
			[],
			[line]
		);
		expect(framed).toHaveLength(0);
	});

	it("never sets a marker's name where it reads as another point's", () => {
		// A large marker (gap 20) at (200, 150) and a second marker 15 px from where the first's
		// name, on its left, would meet it: the name goes to the other side.
		const big = { ...cand('Torkham', 200, 150, 27), gap: 20, point: 'marker' as const };
		const near = { ...cand('Kabul', 165, 160, 27), point: 'marker' as const };
		const alone = placeLabels([{ ...big, positions: ['left', 'right'] }], [], bounds);
		expect(alone[0]!.position).toBe('left');
		const both = placeLabels([{ ...big, positions: ['left', 'right'] }, near], [], bounds);
		expect(both.find((l) => l.id === 'Torkham')!.position).toBe('right');
		// With no other side, it stands apart on a leader line rather than beside the wrong point.
		const led = placeLabels(
			[{ ...big, positions: ['left'], leaderOffsets: [[0, -60]] }, near],
			[],
			bounds
		);
		expect(led.find((l) => l.id === 'Torkham')!.leader).toBeDefined();
		// A city's dot that would stand where a marker's name meets its point is left unnamed (an
		// unnamed dot is not drawn), and a point without the flag is not held to any of this.
		const city = { ...cand('Gardez', 165, 160), point: 'reference' as const };
		const named = placeLabels([{ ...big, positions: ['left'] }, city], [], bounds);
		expect(named.map((l) => l.id)).toEqual(['Torkham']);
		const plain = placeLabels(
			[
				{ ...big, positions: ['left'] },
				{ ...city, point: undefined }
			],
			[],
			bounds
		);
		expect(plain.map((l) => l.id).sort()).toEqual(['Gardez', 'Torkham']);
	});

	it('keeps two names on one line more than a word space apart, so they never read as one', () => {
		// A label at (100, 150) and another whose right-hand position would start 3 px after it.
		const first = { ...cand('Kabul', 100, 150, 2), positions: ['right'] as Position[] };
		const firstBox = boxFor({ ...first, gap: 4 }, 'right').box;
		const second = {
			...cand('Quetta', firstBox.x + firstBox.width + 3 - 7, 150),
			positions: ['right'] as Position[]
		};
		const placed = placeLabels([first, second], [], bounds);
		expect(overlaps(boxFor({ ...second, gap: 4 }, 'right').box, placed[0]!.box)).toBe(false);
		expect(placed.map((l) => l.id)).toEqual(['Kabul']);
		// A few pixels farther along the line, it stands there.
		const apart = { ...second, x: second.x + 10 };
		expect(placeLabels([first, apart], [], bounds).find((l) => l.id === 'Quetta')!.position).toBe(
			'right'
		);
	});

	it('names a boxed-in marker on a leader line that crosses no label', () => {
		// Lines all round the marker: only a spot set apart is free.
		const box: [number, number][] = [
			[170, 130],
			[230, 130],
			[230, 170],
			[170, 170],
			[170, 130]
		];
		const m = { ...cand('Mir Ali', 200, 150, 27), gap: 6 };
		expect(placeLabels([m], [], bounds, 2, [], [box])).toHaveLength(0);
		const placed = placeLabels(
			[{ ...m, leaderOffsets: [[0, 60]] as [number, number][] }],
			[],
			bounds,
			2,
			[],
			[box]
		);
		expect(placed).toHaveLength(1);
		expect(placed[0]!.leader).toBeDefined();
		expect([placed[0]!.ax, placed[0]!.ay]).toEqual([200, 150]);
		expect(crosses(box, placed[0]!.box)).toBe(false);
	});
});

describe('segmentHitsRect', () => {
	const r = { x: 10, y: 10, width: 20, height: 10 };
	it('sees segments that cross, enter or lie inside the box', () => {
		expect(segmentHitsRect([0, 15], [40, 15], r)).toBe(true); // straight through
		expect(segmentHitsRect([15, 0], [15, 12], r)).toBe(true); // ends inside
		expect(segmentHitsRect([12, 12], [14, 14], r)).toBe(true); // wholly inside
	});
	it('ignores segments that pass by', () => {
		expect(segmentHitsRect([0, 0], [40, 5], r)).toBe(false); // above
		expect(segmentHitsRect([0, 30], [5, 0], r)).toBe(false); // to the left
		expect(segmentHitsRect([35, 0], [35, 40], r)).toBe(false); // parallel, to the right
	});
});

describe('boxes for measured text (an edition’s word widths, labelText.ts)', () => {
	const widths = {
		words: 'ab cd efg',
		regular: [1, 1, 1.5],
		bold: [1.2, 1.2, 1.8],
		space: [0.25, 0.3] as [number, number],
		lineHeight: 1.5,
		ascent: 1.07,
		descent: 0.64
	};
	const metrics = textMetrics(widths);
	const two = { ...cand('ab cd efg', 100, 100), lines: ['ab cd', 'efg'] };

	it('is as wide as its widest line’s words and spaces, at its weight', () => {
		expect(boxFor(two, 'right', metrics).box.width).toBeCloseTo((1 + 1 + 0.25) * 12, 9);
		const bold = boxFor({ ...two, weight: 'bold' }, 'right', metrics).box.width;
		expect(bold).toBeCloseTo((1.2 + 1.2 + 0.3) * 12, 9);
		// A word the table lacks is given the English estimate's width.
		expect(metrics.width('xyz', 12)).toBeCloseTo(3 * 0.6 * 12, 9);
	});

	it('runs from the first line’s ascent to the last line’s descent, its lines 1.5 em apart', () => {
		const { box, y } = boxFor(two, 'right', metrics);
		expect(box.height).toBeCloseTo(12 * (1.5 + 1.07 + 0.64), 9);
		expect(y - box.y).toBeCloseTo(12 * 1.07, 9);
		// Centred on its anchor, as before.
		expect(box.y + box.height / 2).toBeCloseTo(100, 9);
	});

	it('keeps the English estimate without them', () => {
		const { box, y } = boxFor(two, 'right');
		expect(box.width).toBe(textWidth('ab cd', 12));
		expect(box.height).toBeCloseTo(2 * 12 * 1.2, 9);
		expect(y - box.y).toBeCloseTo(0.1 * 12 + 0.8 * 12, 9);
	});
});
