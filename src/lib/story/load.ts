/**
 * Build-time (Node only): reads the story document and the ids it may refer to from the committed
 * map data, and returns the validated Story. Throws a `StoryError` naming file, line and field.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { PLACES_FILE, TOPO_FILE } from '../map/dataFiles';
import { parseStory, type KnownIds } from './parse';
import type { Story } from './types';

export const STORY_FILE = 'src/content/story.aml';

function readJson(root: string, file: string): unknown {
	try {
		return JSON.parse(readFileSync(join(root, file), 'utf8'));
	} catch (e) {
		throw new Error(`${file}: cannot read the story's reference data: ${(e as Error).message}`);
	}
}

/** Place ids from places.json (an array of `{ id, … }`). */
export function placeIds(places: unknown): Set<string> {
	if (!Array.isArray(places)) throw new Error(`${PLACES_FILE}: expected an array of places`);
	return new Set(places.map((p: { id?: unknown }) => p?.id).filter((id) => typeof id === 'string'));
}

/** Province names: the `name` property of the topology's `provinces` features. */
export function provinceNames(topo: unknown): Set<string> {
	const t = topo as Topology;
	const object = t?.objects?.provinces;
	if (!object) throw new Error(`${TOPO_FILE}: no "provinces" object`);
	const fc = feature(t, object) as unknown as { features: { properties?: { name?: unknown } }[] };
	return new Set(
		fc.features.map((f) => f.properties?.name).filter((n): n is string => typeof n === 'string')
	);
}

export function loadKnownIds(root = process.cwd()): KnownIds {
	return {
		places: placeIds(readJson(root, PLACES_FILE)),
		provinces: provinceNames(readJson(root, TOPO_FILE))
	};
}

export function loadStory(root = process.cwd()): Story {
	const source = readFileSync(join(root, STORY_FILE), 'utf8');
	return parseStory(source, STORY_FILE, loadKnownIds(root));
}
