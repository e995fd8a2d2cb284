/**
 * The map key (legendItems, via each step's live frame): an entry for each kind of thing the
 * step's map shows, and none for what it does not, checked on every step of the story.
 */
import { feature } from 'topojson-client';
import { describe, expect, it } from 'vitest';
import { apply } from '../../../src/lib/map/camera';
import { ENGLISH } from '../../../src/lib/edition/edition';
import { legendText, type LegendKey } from '../../../src/lib/map/legendItems';
import { drawnAt, type MapStep } from '../../../src/lib/map/mapState';
import { mapData } from '../../../src/lib/server/staticMap';
import { island, LAYOUTS, liveFrame, step, steps } from './realMap';

/** Frames are computed on the real story (label placement included): slow on a busy machine. */
const SLOW = { timeout: 60_000 };

const keys = (s: MapStep, layout = LAYOUTS.desktop) =>
	liveFrame(s, layout).legend.map((i) => i.key);
const english = legendText(ENGLISH.t);
const label = (s: MapStep, key: LegendKey) =>
	liveFrame(s).legend.some((i) => i.key === key) ? english[key].label : undefined;
const confirmed = (s: MapStep) => s.markers.filter((m) => m.status !== 'unverified');
const approximate = (id: string) => island.geo.places.get(id)?.place.approximate === true;
/** Whether a place lies inside the step's view (desktop extent). */
const inView = (s: MapStep, id: string) => {
	const p = island.geo.places.get(id)?.place;
	const [w, so, e, n] = s.view.bbox;
	return !!p && p.lon >= w && p.lon <= e && p.lat >= so && p.lat <= n;
};
/** Whether any of the Line of Control (always drawn, dashed) is inside the desktop map. */
const locPoints = feature(mapData().topology, mapData().topology.objects.loc).features.flatMap(
	(f) =>
		f.geometry.type === 'LineString'
			? f.geometry.coordinates
			: f.geometry.type === 'MultiLineString'
				? f.geometry.coordinates.flat()
				: []
) as [number, number][];
const locOnScreen = (s: MapStep) => {
	const { target, viewport } = liveFrame(s);
	return locPoints.some((p) => {
		const [x, y] = apply(target, island.projection(p)!);
		return x >= 0 && x <= viewport.width && y >= 0 && y <= viewport.height;
	});
};
/** A copy of a real step with its map changed: what an editor's edit would do. */
const edited = (s: MapStep, change: Partial<MapStep>): MapStep => ({ ...s, ...change });

describe('the map key', SLOW, () => {
	it('explains the Durand Line at every step, first, and lists each entry once', () => {
		for (const s of steps) {
			const k = keys(s);
			expect(k[0], s.id).toBe('durand');
			expect(new Set(k).size, s.id).toBe(k.length);
		}
	});

	it('lists the fence at every step that draws a fenced share, and never with the layer off', () => {
		let drawn = 0;
		for (const s of steps) {
			const share = drawnAt(s, 1).fence;
			if (share !== null && share > 0) {
				drawn++;
				expect(keys(s), s.id).toContain('fence');
			}
			if (share === null) expect(keys(s), s.id).not.toContain('fence');
		}
		expect(drawn).toBeGreaterThan(0);
	});

	// BUG (legendItems.ts): the key tests `state.fence !== null`, so steps that switch the fence layer
	// on with nothing fenced yet (fence-2017 and fence-2018-kurram, "0 -> 0": "No fenced share is
	// drawn yet") list "Fence, share Pakistan says is built" for a band the map does not draw.
	// Remove `.fails` when the key asks for a share above 0.
	it.fails('lists no fence where no share is fenced yet', () => {
		const unfenced = steps.filter((s) => drawnAt(s, 1).fence === 0);
		expect(unfenced.length).toBeGreaterThan(0);
		for (const s of unfenced) expect(keys(s), s.id).not.toContain('fence');
	});

	it('lists a marker kind only when a confirmed marker of that kind is on the map', () => {
		const seen = new Set<string>();
		for (const s of steps) {
			for (const kind of ['strike', 'attack', 'clash'] as const) {
				const shown = confirmed(s).some((m) => m.kind === kind);
				if (shown) seen.add(kind);
				expect(keys(s).includes(kind), `${s.id}: ${kind}`).toBe(shown);
			}
		}
		expect([...seen].sort()).toEqual(['attack', 'clash', 'strike']);
		expect(label(step('barmal-strikes'), 'strike')).toMatch(/strike/i);
		expect(label(step('makeen-2024'), 'attack')).toMatch(/attack/i);
	});

	it('lists border crossings where crossings are drawn, and not elsewhere', () => {
		for (const s of steps) {
			const drawn = s.layers.includes('crossings') || s.markers.some((m) => m.kind === 'crossing');
			expect(keys(s).includes('crossing'), s.id).toBe(drawn);
		}
	});

	it('says "Approximate location" wherever an approximate place is marked', () => {
		const marked = steps.filter((s) => s.markers.some((m) => approximate(m.place)));
		expect(marked.length).toBeGreaterThan(0);
		for (const s of marked) {
			expect(keys(s), s.id).toContain('area');
			expect(label(s, 'area'), s.id).toBe('Approximate location');
		}
	});

	it('says "Approximate location" where an approximate crossing is shown for orientation', () => {
		// Crossings snapped onto the drawn line farther than its error are drawn as areas too.
		let shown = 0;
		for (const s of steps) {
			if (!s.layers.includes('crossings')) continue;
			const { target, viewport } = liveFrame(s);
			const onScreen = [...island.geo.places.values()].some((p) => {
				if (p.place.kind !== 'crossing' || !approximate(p.place.id)) return false;
				const [x, y] = apply(target, p.xy);
				return x >= 0 && x <= viewport.width && y >= 0 && y <= viewport.height;
			});
			if (!onScreen) continue;
			shown++;
			expect(keys(s), s.id).toContain('area');
		}
		expect(shown).toBeGreaterThan(0);
	});

	it('says nothing of approximate locations where the map shows none', () => {
		let none = 0;
		for (const s of steps) {
			// Neither marked nor drawn as a reference place (crossings layer) in the view.
			const shown =
				s.markers.some((m) => approximate(m.place)) ||
				(s.layers.includes('crossings') &&
					[...island.geo.places.values()].some(
						(p) => p.place.kind === 'crossing' && approximate(p.place.id) && inView(s, p.place.id)
					));
			if (shown) continue;
			none++;
			expect(keys(s), s.id).not.toContain('area');
		}
		expect(none).toBeGreaterThan(0);
	});

	it('keys unconfirmed reports as "Reported, not confirmed", and only those', () => {
		let reported = 0;
		for (const s of steps) {
			const unverified =
				s.markers.some((m) => m.status === 'unverified') ||
				s.routes.some((r) => r.status === 'unverified');
			if (unverified) reported++;
			expect(keys(s).includes('unverified'), s.id).toBe(unverified);
		}
		expect(reported).toBeGreaterThan(0);
		expect(label(step('march-report'), 'unverified')).toBe('Reported, not confirmed');
	});

	it('does not key an unconfirmed strike as an air strike', () => {
		// Barmal's strike, as if only reported: drawn hollow and dashed, keyed as unconfirmed.
		const real = step('barmal-strikes');
		const reported = edited(real, {
			markers: real.markers.map((m) => (m.kind === 'strike' ? { ...m, status: 'unverified' } : m))
		});
		expect(keys(real)).toContain('strike');
		expect(keys(reported)).not.toContain('strike');
		expect(keys(reported)).toContain('unverified');
	});

	it('keys movements and returns by what the step’s routes are', () => {
		for (const s of steps) {
			const kinds = new Set(s.routes.map((r) => r.kind));
			expect(keys(s).includes('advance'), s.id).toBe(kinds.has('advance'));
			expect(keys(s).includes('returns'), s.id).toBe(kinds.has('returns'));
		}
		expect(keys(step('rise-kabul'))).toContain('advance');
		expect(keys(step('returns-2024'))).toContain('returns');
	});

	it('keys a province in focus only when the step highlights one', () => {
		for (const s of steps) {
			expect(keys(s).includes('highlight'), s.id).toBe(s.highlight.length > 0);
		}
	});

	it('keys the Kashmir Line of Control only where it is on the map', () => {
		let keyed = 0;
		for (const s of steps) {
			if (!keys(s).includes('loc')) continue;
			keyed++;
			expect(locOnScreen(s), s.id).toBe(true);
		}
		expect(keyed).toBeGreaterThan(0);
	});

	// BUG (legendItems.ts): the key lists the Line of Control only for the region view or the loc
	// layer, but the base map always draws it (dashed), and the "border" view shows part of it
	// with no entry: durand-1893, the fence steps of 2017-2022 (not fence-2018-kurram),
	// return-crossings, ifrp-2023, returns-2024, epilogue-positions. Remove `.fails` when the
	// key follows what is on screen.
	it.fails('keys the Kashmir Line of Control wherever it is on the map', () => {
		for (const s of steps) if (locOnScreen(s)) expect(keys(s), s.id).toContain('loc');
	});

	it('lists the same entries on phones as on desktop', () => {
		for (const s of steps) expect(keys(s, LAYOUTS.phone), s.id).toEqual(keys(s));
	});
});
