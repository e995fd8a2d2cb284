/**
 * The map data loader must fail loudly, naming the file and the problem.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonErrorOffset, lineColumn, parsePlaces, parseTopology } from '../../../src/lib/map/data';
import { PLACES_FILE, TOPO_FILE } from '../../../src/lib/map/dataFiles';

const TOPO = TOPO_FILE;
const PLACES = PLACES_FILE;
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
