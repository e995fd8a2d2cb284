/**
 * Checks on the committed map data (static/data/*.json), built by `npm run data:map`.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { geoContains, geoDistance, geoLength } from 'd3-geo';
import { feature, mesh } from 'topojson-client';
import type { Feature, LineString, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
	parsePlaces,
	parseTopology,
	type CountryProperties,
	type ProvinceProperties
} from '../../../src/lib/map/data';
import { readProvenance } from '../../../src/lib/article/provenance';
import { PLACES_FILE, PROVENANCE_FILE, TOPO_FILE } from '../../../src/lib/map/dataFiles';

const EARTH_KM = 6371;
const topoFile = TOPO_FILE;
const placesFile = PLACES_FILE;
const topo = parseTopology(readFileSync(resolve(topoFile), 'utf8'), topoFile);
const places = parsePlaces(readFileSync(resolve(placesFile), 'utf8'), placesFile);
const provenance = JSON.parse(readFileSync(resolve(PROVENANCE_FILE), 'utf8'));

const countries = feature(topo, topo.objects.countries).features as Feature<
	Polygon | MultiPolygon,
	CountryProperties
>[];
const provinces = feature(topo, topo.objects.provinces).features as Feature<
	Polygon | MultiPolygon,
	ProvinceProperties
>[];
const durandFeatures = feature(topo, topo.objects.durand).features;
const durand = durandFeatures[0] as Feature<LineString>;

/** All arc indexes (as non-negative ids) used by a TopoJSON object. */
function arcIds(obj: { geometries: unknown[] }): Set<number> {
	const ids = new Set<number>();
	const walk = (a: unknown): void => {
		if (Array.isArray(a)) a.forEach(walk);
		else if (typeof a === 'number') ids.add(a < 0 ? ~a : a);
	};
	for (const g of obj.geometries as { arcs?: unknown }[]) walk(g.arcs);
	return ids;
}

/** Distance in km from p to the nearest point of a lon/lat polyline (local planar approx.). */
function distanceToLineKm(line: number[][], p: [number, number]): number {
	const k = Math.cos((p[1] * Math.PI) / 180);
	let best = Infinity;
	for (let i = 1; i < line.length; i++) {
		const [a0, a1] = line[i - 1] as [number, number];
		const [b0, b1] = line[i] as [number, number];
		const ax = (a0 - p[0]) * k;
		const ay = a1 - p[1];
		const dx = (b0 - a0) * k;
		const dy = b1 - a1;
		const len2 = dx * dx + dy * dy;
		const t = len2 ? Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2)) : 0;
		const q: [number, number] = [p[0] + (ax + t * dx) / k, p[1] + ay + t * dy];
		best = Math.min(best, geoDistance(p, q) * EARTH_KM);
	}
	return best;
}

describe('afpak.topo.json', () => {
	it('has exactly the four objects', () => {
		expect(Object.keys(topo.objects).sort()).toEqual(['countries', 'durand', 'loc', 'provinces']);
	});

	it('countries have iso3 and an English name; AFG and PAK present', () => {
		for (const c of countries) {
			expect(c.properties.iso3).toMatch(/^[A-Z]{3}$/);
			expect(c.properties.name).toMatch(/^[A-Z][A-Za-z .'-]+$/);
		}
		const byIso = new Map(countries.map((c) => [c.properties.iso3, c.properties.name]));
		expect(byIso.get('AFG')).toBe('Afghanistan');
		expect(byIso.get('PAK')).toBe('Pakistan');
		expect(byIso.get('IND')).toBe('India');
		expect(new Set(countries.map((c) => c.properties.iso3)).size).toBe(countries.length);
	});

	it('has no Siachen country feature and no border around Siachen', () => {
		for (const c of countries) {
			expect(c.properties.iso3).not.toBe('KAS');
			expect(c.properties.name).not.toMatch(/siachen/i);
		}
		// The Siachen glacier (~35.4N 77.1E) is inside India's feature, not a hole or separate unit.
		const siachen: [number, number] = [77.1, 35.45];
		const containing = countries.filter((c) => geoContains(c, siachen));
		expect(containing.map((c) => c.properties.iso3)).toEqual(['IND']);
		// No internal boundary of India: every India arc borders another country or the outside.
		const indiaInner = mesh(
			topo,
			topo.objects.countries,
			(a, b) =>
				a !== b &&
				(a.properties as CountryProperties).iso3 === 'IND' &&
				(b.properties as CountryProperties).iso3 === 'IND'
		);
		expect(indiaInner.coordinates).toHaveLength(0);
	});

	it('has 41 provinces with unique ISO codes and clean names, no FATA', () => {
		expect(provinces).toHaveLength(41);
		const isos = provinces.map((p) => p.properties.iso);
		expect(new Set(isos).size).toBe(41);
		expect(provinces.filter((p) => p.properties.adm0 === 'AFG')).toHaveLength(34);
		expect(provinces.filter((p) => p.properties.adm0 === 'PAK')).toHaveLength(7);
		const names = provinces.map((p) => p.properties.name);
		expect(new Set(names).size).toBe(41);
		for (const n of [
			'Paktika',
			'Khost',
			'Paktia',
			'Nangarhar',
			'Kunar',
			'Daykundi',
			'Panjshir',
			'Parwan',
			'Uruzgan',
			'Kabul',
			'Kandahar',
			'Khyber Pakhtunkhwa',
			'Balochistan',
			'Punjab',
			'Sindh',
			'Islamabad',
			'Gilgit-Baltistan',
			'Azad Kashmir'
		]) {
			expect(names).toContain(n);
		}
		for (const n of names) {
			expect(n).not.toMatch(/F\.A\.T\.A|FATA|Tribal|N\.W\.F\.P|Northern Areas|Wilayat|Velayat/);
			expect(n).toBe(n.trim());
		}
		expect(isos).not.toContain('PK-TA');
		for (const p of provinces) {
			expect(p.properties.iso.slice(0, 2)).toBe(p.properties.adm0 === 'AFG' ? 'AF' : 'PK');
			expect(p.properties.disputed).toBe(['PK-JK', 'PK-GB'].includes(p.properties.iso));
		}
	});

	it('province identities are right (gn_name, not the mislabelled NE name column)', () => {
		const at = (lon: number, lat: number) =>
			provinces.filter((p) => geoContains(p, [lon, lat])).map((p) => p.properties.name);
		expect(at(69.79, 35.44)).toEqual(['Panjshir']);
		expect(at(68.89, 34.95)).toEqual(['Parwan']);
		expect(at(66.17, 33.73)).toEqual(['Daykundi']);
		expect(at(66.05, 32.86)).toEqual(['Uruzgan']);
		// Former FATA (Miranshah, Wana) is Khyber Pakhtunkhwa.
		expect(at(70.071, 33.001)).toEqual(['Khyber Pakhtunkhwa']);
		expect(at(69.573, 32.299)).toEqual(['Khyber Pakhtunkhwa']);
	});

	it('durand is one line of 2,200-2,300 km, sharing its arcs with countries and provinces', () => {
		expect(topo.objects.durand.geometries).toHaveLength(1);
		expect(durand.geometry.type).toBe('LineString');
		const km = geoLength(durand) * EARTH_KM;
		expect(km).toBeGreaterThan(2200);
		expect(km).toBeLessThan(2300);
		// Detail for the 250 km close-up: a vertex every ~3 km on average.
		expect(durand.geometry.coordinates.length).toBeGreaterThan(600);
		const c = arcIds(topo.objects.countries);
		const p = arcIds(topo.objects.provinces);
		const d = arcIds(topo.objects.durand);
		expect(d.size).toBeGreaterThan(0);
		for (const a of d) {
			expect(c.has(a)).toBe(true);
			expect(p.has(a)).toBe(true);
		}
	});

	it('every arc of the AFG and PAK outlines is also a province edge (zero misalignment)', () => {
		for (const iso3 of ['AFG', 'PAK']) {
			const country = topo.objects.countries.geometries.filter((g) => g.properties?.iso3 === iso3);
			const provs = topo.objects.provinces.geometries.filter((g) => g.properties?.adm0 === iso3);
			const countryArcs = arcIds({ geometries: country });
			const provArcs = arcIds({ geometries: provs });
			expect(countryArcs.size).toBeGreaterThan(0);
			for (const a of countryArcs) expect(provArcs.has(a), `${iso3} arc ${a}`).toBe(true);
		}
	});

	it('loc has a LoC and an AGPL line north of the Working Boundary', () => {
		const loc = feature(topo, topo.objects.loc).features;
		expect(loc.map((f) => f.properties?.kind).sort()).toEqual(['AGPL', 'LoC']);
		for (const f of loc) {
			expect(f.properties?.disputed).toBe(true);
			const km = geoLength(f) * EARTH_KM;
			if (f.properties?.kind === 'LoC') expect(km).toBeGreaterThan(500);
			else expect(km).toBeGreaterThan(30);
		}
	});

	it('is small enough', () => {
		const size = readFileSync(resolve(topoFile)).length;
		expect(size).toBeLessThan(160_000);
	});
});

describe('places.json', () => {
	const required = [
		'kabul',
		'kandahar',
		'herat',
		'islamabad',
		'peshawar',
		'quetta',
		'mir-ali',
		'miranshah',
		'barmal',
		'sharana',
		'khost',
		'torkham',
		'chaman',
		'chaman-crossing',
		'spin-boldak',
		'makeen',
		'wana',
		'jalalabad',
		'angoor-adda',
		'ghulam-khan',
		'parachinar'
	];
	const byId = new Map(places.map((p) => [p.id, p]));

	it('has every required id, unique', () => {
		for (const id of required) expect(byId.has(id), id).toBe(true);
		expect(byId.size).toBe(places.length);
	});

	it('every place lies inside the province and country it claims', () => {
		for (const p of places) {
			const pt: [number, number] = [p.lon, p.lat];
			const prov = provinces.filter((f) => geoContains(f, pt));
			expect(
				prov.map((f) => f.properties.name),
				p.id
			).toEqual([p.province]);
			expect(prov[0]?.properties.adm0, p.id).toBe(p.country);
			const ctry = countries.filter((f) => geoContains(f, pt));
			expect(
				ctry.map((f) => f.properties.iso3),
				p.id
			).toEqual([p.country]);
		}
	});

	it('known places are in the right province', () => {
		const expected: Record<string, string> = {
			kabul: 'Kabul',
			islamabad: 'Islamabad',
			peshawar: 'Khyber Pakhtunkhwa',
			quetta: 'Balochistan',
			khost: 'Khost',
			sharana: 'Paktika',
			barmal: 'Paktika',
			miranshah: 'Khyber Pakhtunkhwa',
			'mir-ali': 'Khyber Pakhtunkhwa',
			wana: 'Khyber Pakhtunkhwa',
			makeen: 'Khyber Pakhtunkhwa',
			chaman: 'Balochistan',
			'spin-boldak': 'Kandahar',
			jalalabad: 'Nangarhar'
		};
		for (const [id, province] of Object.entries(expected))
			expect(byId.get(id)?.province, id).toBe(province);
	});

	it('every crossing lies within 0.5 km of durand and records its snap', () => {
		const crossings = places.filter((p) => p.kind === 'crossing');
		expect(crossings.map((p) => p.id).sort()).toEqual(
			['angoor-adda', 'chaman-crossing', 'ghulam-khan', 'torkham'].sort()
		);
		for (const p of crossings) {
			const km = distanceToLineKm(durand.geometry.coordinates, [p.lon, p.lat]);
			expect(km, p.id).toBeLessThan(0.5);
			expect(p.snappedKm, p.id).toBeTypeOf('number');
			expect(p.source, p.id).toMatch(/Original point/);
		}
	});

	it('places are approximate when low-confidence or snapped beyond the line error, only those, each saying why', () => {
		const errorKm = provenance.durandErrorKm as number;
		expect(errorKm).toBeGreaterThan(0);
		for (const p of places) {
			expect(p.approximate, p.id).toBe(p.confidence === 'low' || (p.snappedKm ?? 0) > errorKm);
			if (p.approximate) expect(p.approximateReason, p.id).toBeTruthy();
		}
		expect(byId.get('barmal')?.approximate).toBe(true);
		expect(byId.get('ghulam-khan')?.approximate).toBe(true);
		expect(byId.get('chaman-crossing')?.approximate).toBe(true);
	});

	it('every place taken from GeoNames cites the record’s id, so an editor can check it', () => {
		// A source that starts with GeoNames is a GeoNames record (not merely one that mentions it).
		const fromGeoNames = places.filter((p) => /^GeoNames\b/.test(p.source));
		expect(fromGeoNames.length).toBeGreaterThan(0);
		for (const p of fromGeoNames) expect(p.source, p.id).toMatch(/GeoNames \d{5,}/);
		expect(byId.get('gardez')?.province).toBe('Paktia');
		expect(byId.get('asadabad')?.province).toBe('Kunar');
	});

	it('every province named by a place exists on the map', () => {
		const names = new Set(provinces.map((f) => f.properties.name));
		for (const p of places) expect(names.has(p.province), p.id).toBe(true);
	});
});

describe('provenance.json', () => {
	// What the page prints: the "About this story" table and the credit lines (every "…credit").
	const { inputs, credits } = readProvenance(provenance);
	const creditText = credits.join('\n');

	it('credits Natural Earth, as public domain, since the borders and provinces are its data', () => {
		const naturalEarth = inputs.filter((i) => /Natural Earth/.test(`${i.data} ${i.licence}`));
		expect(naturalEarth.length).toBeGreaterThan(0);
		expect(creditText).toMatch(/Natural Earth/);
		expect(creditText).toMatch(/Natural Earth[^\n]*public domain/i);
	});

	it('credits GeoNames as its CC BY 4.0 licence asks, since places come from it', () => {
		expect(places.some((p) => /GeoNames \d+/.test(p.source))).toBe(true);
		const line = credits.find((c) => /GeoNames/.test(c));
		expect(line, creditText).toBeDefined();
		expect(line).toMatch(/CC BY 4\.0/);
		expect(line).toMatch(/geonames\.org/);
	});

	it('records each input’s source, licence and processing, and flags the qgis-common licence', () => {
		for (const input of inputs) {
			expect(input.source, input.id).toBeTruthy();
			expect(input.licence, input.id).toBeTruthy();
			expect(input.processing.length, input.id).toBeGreaterThan(0);
		}
		// The province lines come from a Debian package whose copyright file is silent on them.
		const qgis = inputs.find((i) => /qgis/i.test(i.source));
		expect(qgis?.licence).toMatch(/GPL-2\+/);
	});
});
