#!/usr/bin/env node
/**
 * Renders static/data/afpak.topo.json + places.json to SVG for eyeballing the map data:
 *   scripts/.cache/preview/region.svg   the whole region
 *   scripts/.cache/preview/closeup.svg  ~250 km across, centred 69.6E 32.8N
 *   scripts/.cache/preview/khyber.svg   ~150 km across, centred 70.9E 34.3N (Torkham)
 *
 * Usage: node scripts/preview-map.js && for f in scripts/.cache/preview/*.svg; do
 *          rsvg-convert "$f" -o "${f%.svg}.png"; done     (apt-get install -y librsvg2-bin)
 *
 * Red dots mark Durand Line vertices (close-up), hollow circles approximate places, diamonds
 * crossings. Outputs are not committed.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { geoConicConformal, geoPath } from 'd3-geo';
import { feature, mesh } from 'topojson-client';
import { PLACES_FILE, TOPO_FILE } from '../src/lib/map/dataFiles.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'scripts/.cache/preview');
mkdirSync(out, { recursive: true });
/** @type {any} */
const topo = JSON.parse(readFileSync(join(root, TOPO_FILE), 'utf8'));
/** @type {any[]} */
const places = JSON.parse(readFileSync(join(root, PLACES_FILE), 'utf8'));

const W = 1200;
const H = 1000;
/** @type {Record<string, string>} */
const FILL = { AFG: '#f3ead8', PAK: '#e3eddc', IND: '#eeeeee' };

/**
 * @param {string} name
 * @param {import('d3-geo').GeoProjection} projection
 * @param {boolean} closeup
 */
function render(name, projection, closeup) {
	const path = geoPath(projection);
	const countries = /** @type {any} */ (feature(topo, topo.objects.countries)).features;
	const provinces = /** @type {any} */ (feature(topo, topo.objects.provinces)).features;
	const durand = /** @type {any} */ (feature(topo, topo.objects.durand)).features[0];
	const loc = /** @type {any} */ (feature(topo, topo.objects.loc)).features;
	const provLines = mesh(topo, topo.objects.provinces, (a, b) => a !== b);
	const borders = mesh(
		topo,
		topo.objects.countries,
		(/** @type {any} */ a, /** @type {any} */ b) => {
			const s = [a.properties?.iso3, b.properties?.iso3].sort().join('-');
			return a !== b && s !== 'AFG-PAK' && s !== 'IND-PAK';
		}
	);
	const parts = [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif">`,
		`<rect width="${W}" height="${H}" fill="#cfe3ef"/>`
	];
	for (const c of countries)
		parts.push(`<path d="${path(c)}" fill="${FILL[c.properties.iso3] ?? '#f7f7f7'}"/>`);
	for (const p of provinces)
		if (p.properties.disputed)
			parts.push(`<path d="${path(p)}" fill="#d9d2e9" fill-opacity="0.6"/>`);
	parts.push(`<path d="${path(provLines)}" fill="none" stroke="#8a8a8a" stroke-width="0.8"/>`);
	parts.push(`<path d="${path(borders)}" fill="none" stroke="#555" stroke-width="1.2"/>`);
	for (const l of loc)
		parts.push(
			`<path d="${path(l)}" fill="none" stroke="#7a3" stroke-width="1.6" stroke-dasharray="5 3"/>`
		);
	parts.push(`<path d="${path(durand)}" fill="none" stroke="#b22" stroke-width="2"/>`);
	if (closeup) {
		for (const c of durand.geometry.coordinates) {
			const xy = projection(c);
			if (xy) parts.push(`<circle cx="${xy[0]}" cy="${xy[1]}" r="1.6" fill="#f00"/>`);
		}
	}
	for (const p of provinces) {
		const xy = projection(geoCentroidSafe(path, projection, p));
		if (xy)
			parts.push(
				`<text x="${xy[0]}" y="${xy[1]}" font-size="${closeup ? 16 : 10}" fill="#666" text-anchor="middle">${p.properties.name}</text>`
			);
	}
	for (const p of places) {
		const xy = projection([p.lon, p.lat]);
		if (!xy) continue;
		const [x, y] = xy;
		if (p.approximate)
			parts.push(
				`<circle cx="${x}" cy="${y}" r="${closeup ? 14 : 6}" fill="none" stroke="#000" stroke-dasharray="3 2"/>`
			);
		else if (p.kind === 'crossing')
			parts.push(
				`<rect x="${x - 4}" y="${y - 4}" width="8" height="8" transform="rotate(45 ${x} ${y})" fill="#000"/>`
			);
		else parts.push(`<circle cx="${x}" cy="${y}" r="3.5" fill="#000"/>`);
		parts.push(
			`<text x="${x + 7}" y="${y - 5}" font-size="${closeup ? 15 : 11}">${p.short}</text>`
		);
	}
	parts.push(
		`<text x="10" y="${H - 10}" font-size="14">${name}: Natural Earth via world-atlas and QGIS world_map</text></svg>`
	);
	writeFileSync(join(out, `${name}.svg`), parts.join('\n'));
}

/**
 * Centroid in projected space, turned back into lon/lat (stable for thin polygons).
 * @param {import('d3-geo').GeoPath} path @param {import('d3-geo').GeoProjection} projection
 * @param {any} f
 * @returns {[number, number]}
 */
function geoCentroidSafe(path, projection, f) {
	const c = path.centroid(f);
	return /** @type {[number, number]} */ (projection.invert?.(c) ?? [0, 0]);
}

const base = () => geoConicConformal().parallels([29, 37]).rotate([-69, 0]);
const AFPAK = /** @type {any} */ (feature(topo, topo.objects.provinces));
render(
	'region',
	base().fitExtent(
		[
			[20, 20],
			[W - 20, H - 20]
		],
		AFPAK
	),
	false
);

/**
 * A box `km` kilometres across centred on lon, lat, as a GeoJSON feature to fit.
 * @param {number} lon @param {number} lat @param {number} km
 * @returns {any}
 */
function box(lon, lat, km) {
	const halfLon = km / 2 / (111.32 * Math.cos((lat * Math.PI) / 180));
	const halfLat = km / 2 / 110.57;
	const coordinates = [
		[lon - halfLon, lat - halfLat],
		[lon + halfLon, lat + halfLat]
	];
	return { type: 'Feature', properties: {}, geometry: { type: 'MultiPoint', coordinates } };
}

// ~250 km close-up of the Waziristan / Khost / Paktika border; and the Khyber Pass area.
render(
	'closeup',
	base().fitExtent(
		[
			[0, 0],
			[W, H]
		],
		box(69.6, 32.8, 250)
	),
	true
);
render(
	'khyber',
	base().fitExtent(
		[
			[0, 0],
			[W, H]
		],
		box(70.9, 34.3, 150)
	),
	true
);
console.log(`wrote ${out}/region.svg, closeup.svg and khyber.svg`);
