/**
 * The map data loader must fail loudly, naming the file and the problem.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	jsonErrorOffset,
	lineColumn,
	loadMapData,
	parsePlaces,
	parseTopology
} from '../../../src/lib/map/data';

const TOPO = 'static/data/afpak.topo.json';
const PLACES = 'static/data/places.json';
const topoText = readFileSync(resolve(TOPO), 'utf8');
const placesText = readFileSync(resolve(PLACES), 'utf8');

// Test helpers mutate parsed JSON freely.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const topoWith = (edit: (t: Record<string, any>) => void) => {
	const t = JSON.parse(topoText);
	edit(t);
	return JSON.stringify(t);
};
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const placesWith = (edit: (p: Record<string, any>[]) => void) => {
	const p = JSON.parse(placesText);
	edit(p);
	return JSON.stringify(p, null, '\t');
};

describe('parseTopology', () => {
	it('accepts the committed file', () => {
		const t = parseTopology(topoText, TOPO);
		expect(t.objects.provinces.geometries).toHaveLength(41);
	});

	it('reports truncated JSON with file, line and column', () => {
		expect(() => parseTopology('{\n\t"type": "Topology",\n\t"arcs": [', TOPO)).toThrow(
			/^static\/data\/afpak\.topo\.json: invalid JSON at line 3 column 11 \(.+\)$/
		);
		const cut = topoText.slice(0, 5000);
		expect(() => parseTopology(cut, TOPO)).toThrow(
			new RegExp(`^static/data/afpak\\.topo\\.json: invalid JSON at line 1 column 5001 `)
		);
	});

	it('reports a syntax error in the middle with its line and column', () => {
		const text = '{\n  "type": "Topology",\n  "arcs": [[1, 2],, [3]]\n}';
		expect(() => parseTopology(text, TOPO)).toThrow(
			/afpak\.topo\.json: invalid JSON at line 3 column 19/
		);
	});

	it('rejects the wrong type', () => {
		expect(() => parseTopology('[1, 2, 3]', TOPO)).toThrow(
			'static/data/afpak.topo.json: expected a TopoJSON object, got an array'
		);
		expect(() =>
			parseTopology(
				topoWith((t) => (t.type = 'FeatureCollection')),
				TOPO
			)
		).toThrow('static/data/afpak.topo.json: "type" must be "Topology", got "FeatureCollection"');
		expect(() =>
			parseTopology(
				topoWith((t) => (t.arcs = {})),
				TOPO
			)
		).toThrow('static/data/afpak.topo.json: "arcs" must be an array, got an object');
	});

	it('rejects a missing object', () => {
		expect(() =>
			parseTopology(
				topoWith((t) => delete t.objects.durand),
				TOPO
			)
		).toThrow('static/data/afpak.topo.json: missing object "durand"');
		expect(() =>
			parseTopology(
				topoWith((t) => delete t.objects),
				TOPO
			)
		).toThrow('static/data/afpak.topo.json: "objects" must be an object, got missing');
	});

	it('rejects bad geometry types, properties and arc indexes', () => {
		expect(() =>
			parseTopology(
				topoWith((t) => (t.objects.provinces.geometries[3].properties.iso = 'Paktika')),
				TOPO
			)
		).toThrow(
			'static/data/afpak.topo.json: object "provinces" geometry 3: property "iso" must be an ISO 3166-2 code, got "Paktika"'
		);
		expect(() =>
			parseTopology(
				topoWith((t) => delete t.objects.countries.geometries[0].properties.iso3),
				TOPO
			)
		).toThrow(/object "countries" geometry 0: property "iso3" must be an ISO alpha-3 code/);
		expect(() =>
			parseTopology(
				topoWith((t) => (t.objects.loc.geometries[0].type = 'Polygon')),
				TOPO
			)
		).toThrow(/object "loc" geometry 0: type must be LineString or MultiLineString/);
		expect(() =>
			parseTopology(
				topoWith((t) => (t.objects.durand.geometries[0].arcs = [99999])),
				TOPO
			)
		).toThrow(/object "durand" geometry 0: arc index number 99999 is out of range/);
		expect(() =>
			parseTopology(
				topoWith((t) => t.objects.durand.geometries.push(t.objects.durand.geometries[0])),
				TOPO
			)
		).toThrow('static/data/afpak.topo.json: object "durand" must hold exactly one line');
	});
});

describe('parsePlaces', () => {
	it('accepts the committed file', () => {
		expect(parsePlaces(placesText, PLACES).length).toBeGreaterThanOrEqual(21);
	});

	it('reports truncated JSON with file, line and column', () => {
		const cut = placesText.slice(0, placesText.indexOf('"kandahar"') + 4);
		const lines = cut.split('\n');
		const line = lines.length;
		const column = (lines.at(-1) as string).length + 1;
		expect(() => parsePlaces(cut, PLACES)).toThrow(
			`static/data/places.json: invalid JSON at line ${line} column ${column} (`
		);
	});

	it('names the place and the bad field', () => {
		const barmal = JSON.parse(placesText).findIndex((p: { id: string }) => p.id === 'barmal');
		expect(barmal).toBeGreaterThan(0);
		expect(() =>
			parsePlaces(
				placesWith((p) => (p[barmal]!.lat = '32.75')),
				PLACES
			)
		).toThrow(
			`static/data/places.json: place ${barmal} ("barmal"): field "lat" must be a number between -90 and 90, got "32.75"`
		);
		expect(() =>
			parsePlaces(
				placesWith((p) => (p[barmal]!.lat = 132.75)),
				PLACES
			)
		).toThrow(`place ${barmal} ("barmal"): field "lat" must be a number between -90 and 90`);
		expect(() =>
			parsePlaces(
				placesWith((p) => (p[0]!.country = 'IND')),
				PLACES
			)
		).toThrow(
			'static/data/places.json: place 0 ("kabul"): field "country" must be "AFG" or "PAK", got "IND"'
		);
		expect(() =>
			parsePlaces(
				placesWith((p) => delete p[1]!.approximate),
				PLACES
			)
		).toThrow('place 1 ("kandahar"): field "approximate" must be a boolean, got missing');
		expect(() =>
			parsePlaces(
				placesWith((p) => (p[2]!.kind = 'village')),
				PLACES
			)
		).toThrow('place 2 ("herat"): field "kind" must be one of city, town, crossing, district');
		expect(() =>
			parsePlaces(
				placesWith((p) => (p[2]!.id = 'Herat City')),
				PLACES
			)
		).toThrow('place 2 ("Herat City"): field "id" must be a kebab-case id, got "Herat City"');
		expect(() =>
			parsePlaces(
				placesWith((p) => (p[3]!.id = p[0]!.id)),
				PLACES
			)
		).toThrow('static/data/places.json: place 3 ("kabul"): duplicate id');
		expect(() => parsePlaces('{"kabul": {}}', PLACES)).toThrow(
			'static/data/places.json: expected an array of places, got an object'
		);
		expect(() => parsePlaces('[null]', PLACES)).toThrow(
			'static/data/places.json: place 0 must be an object, got null'
		);
	});
});

describe('JSON error positions', () => {
	it('finds the first syntax error', () => {
		expect(jsonErrorOffset('{"a": 1}')).toBe(-1);
		expect(jsonErrorOffset('{"a": 1')).toBe(7);
		expect(jsonErrorOffset('{"a": }')).toBe(6);
		expect(jsonErrorOffset('[1, 2,, 3]')).toBe(6);
		expect(jsonErrorOffset('[1] x')).toBe(4);
		expect(jsonErrorOffset('"abc')).toBe(4);
		expect(jsonErrorOffset('')).toBe(0);
		expect(lineColumn('ab\ncd\nef', 7)).toEqual({ line: 3, column: 2 });
	});
});

type FakeResponse = {
	ok: boolean;
	status: number;
	statusText: string;
	text: () => Promise<string>;
};

/** A fake fetch serving the given files (by URL), honouring the abort signal. */
function fakeFetch(
	routes: Record<string, string | number | 'hang'>,
	calls: string[] = []
): typeof fetch {
	return ((url: string, init?: { signal?: AbortSignal }) => {
		calls.push(url);
		const route = routes[url];
		if (route === 'hang' || route === undefined) {
			return new Promise((_, reject) => {
				init?.signal?.addEventListener('abort', () =>
					reject(new DOMException('This operation was aborted', 'AbortError'))
				);
			});
		}
		const res: FakeResponse =
			typeof route === 'number'
				? { ok: false, status: route, statusText: 'Not Found', text: async () => 'Not Found' }
				: { ok: true, status: 200, statusText: 'OK', text: async () => route };
		return Promise.resolve(res);
	}) as unknown as typeof fetch;
}

describe('loadMapData', () => {
	const base = '/story';
	const topoUrl = '/story/data/afpak.topo.json';
	const placesUrl = '/story/data/places.json';

	it('loads and validates both files', async () => {
		const calls: string[] = [];
		const { topology, places } = await loadMapData(
			fakeFetch({ [topoUrl]: topoText, [placesUrl]: placesText }, calls),
			base
		);
		expect(calls.sort()).toEqual([topoUrl, placesUrl].sort());
		expect(Object.keys(topology.objects).sort()).toEqual([
			'countries',
			'durand',
			'loc',
			'provinces'
		]);
		expect(places.find((p) => p.id === 'mir-ali')?.province).toBe('Khyber Pakhtunkhwa');
	});

	it('works with an empty base path', async () => {
		const calls: string[] = [];
		await loadMapData(
			fakeFetch({ '/data/afpak.topo.json': topoText, '/data/places.json': placesText }, calls),
			''
		);
		expect(calls.sort()).toEqual(['/data/afpak.topo.json', '/data/places.json']);
	});

	it('rejects on 404, naming the file', async () => {
		await expect(
			loadMapData(fakeFetch({ [topoUrl]: topoText, [placesUrl]: 404 }), base)
		).rejects.toThrow('/story/data/places.json: HTTP 404 Not Found');
		await expect(
			loadMapData(fakeFetch({ [topoUrl]: 404, [placesUrl]: placesText }), base)
		).rejects.toThrow('/story/data/afpak.topo.json: HTTP 404 Not Found');
	});

	it('rejects on timeout, naming the file that did not arrive', async () => {
		const start = Date.now();
		await expect(
			loadMapData(fakeFetch({ [topoUrl]: 'hang', [placesUrl]: placesText }), base, 50)
		).rejects.toThrow('/story/data/afpak.topo.json: timed out after 50 ms');
		expect(Date.now() - start).toBeLessThan(2000);
	});

	it('rejects on timeout even if fetch ignores the abort signal', async () => {
		const ignoring = (() => new Promise(() => {})) as unknown as typeof fetch;
		await expect(loadMapData(ignoring, base, 30)).rejects.toThrow(/timed out after 30 ms/);
	});

	it('rejects on a network error', async () => {
		const failing = (() =>
			Promise.reject(new TypeError('Failed to fetch'))) as unknown as typeof fetch;
		await expect(loadMapData(failing, base)).rejects.toThrow(/network error \(Failed to fetch\)/);
	});

	it('rejects on invalid content, naming the file', async () => {
		await expect(
			loadMapData(fakeFetch({ [topoUrl]: topoText.slice(0, 100), [placesUrl]: placesText }), base)
		).rejects.toThrow(/^\/story\/data\/afpak\.topo\.json: invalid JSON at line 1 column 101/);
		await expect(
			loadMapData(
				fakeFetch({
					[topoUrl]: topoText,
					[placesUrl]: placesWith((p) => (p[0]!.province = 'Kabul Province'))
				}),
				base
			)
		).rejects.toThrow(
			'/story/data/places.json: place 0 ("kabul"): province "Kabul Province" is not on the map'
		);
	});
});
