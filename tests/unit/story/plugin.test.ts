import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { storyPlugin } from '../../../src/lib/story/vite-plugin-aml';
import { DATA_DIR, PLACES_FILE, TOPO_FILE } from '../../../src/lib/map/dataFiles';

const DOC = `slug: t
headline: H
dek: D
dateline: X
published: 2024-12-31T09:00:00Z
updated: 2024-12-31T09:00:00Z
[byline]
* A
[]
[views]
id: region
label: R
bbox: 60, 23, 78, 38
[]
[chapters]
id: one
title: One
kind: chapter
[.steps]
id: a
date: 2020
dateLabel: 2020
[.text]
* Text. [[s]]
[]
{.map}
view: region
highlight: Paktika
[.markers]
* kabul | city | documented
[]
description: D
{}
[]
[]
[methodology]
* M
[]
[sources]
id: s
outlet: O
title: T
[]
[corrections]
[]
[credits]
role: r
names: n
[]
`;

function project(doc: string) {
	const root = mkdtempSync(join(tmpdir(), 'story-'));
	mkdirSync(join(root, 'src/content'), { recursive: true });
	mkdirSync(join(root, DATA_DIR), { recursive: true });
	writeFileSync(join(root, 'src/content/story.aml'), doc);
	writeFileSync(join(root, PLACES_FILE), JSON.stringify([{ id: 'kabul' }]));
	const topo = {
		type: 'Topology',
		arcs: [],
		objects: {
			provinces: {
				type: 'GeometryCollection',
				geometries: [{ type: null, properties: { name: 'Paktika' } }]
			}
		}
	};
	writeFileSync(join(root, TOPO_FILE), JSON.stringify(topo));
	return root;
}

type Hooks = {
	configResolved: (c: { root: string }) => void;
	resolveId: (id: string) => string | null;
	load: (this: unknown, id: string) => { code: string } | null;
};

function run(doc: string) {
	const root = project(doc);
	const plugin = storyPlugin() as unknown as Hooks;
	plugin.configResolved({ root });
	const id = plugin.resolveId('$content/story.aml')!;
	const ctx = {
		addWatchFile: vi.fn(),
		error: vi.fn((e: unknown) => {
			throw Object.assign(new Error('plugin error'), { detail: e });
		})
	};
	return { root, id, ctx, load: () => plugin.load.call(ctx, id) };
}

describe('storyPlugin', () => {
	it('turns an .aml import into the validated story and watches the map data', () => {
		const { root, id, ctx, load } = run(DOC);
		expect(id).toBe(join(root, 'src/content/story.aml'));
		const out = load()!;
		expect(out.code.startsWith('export default {')).toBe(true);
		expect(JSON.parse(out.code.slice('export default '.length, -1)).slug).toBe('t');
		expect(ctx.addWatchFile).toHaveBeenCalledWith(join(root, PLACES_FILE));
		expect(ctx.addWatchFile).toHaveBeenCalledWith(join(root, TOPO_FILE));
	});

	it('fails the build with file, line and field', () => {
		const { id, load } = run(DOC.replace('* kabul |', '* kabool |'));
		let detail: { message: string; id: string; loc: { line: number } } | undefined;
		try {
			load();
		} catch (e) {
			detail = (e as { detail: typeof detail }).detail;
		}
		expect(detail?.id).toBe(id);
		expect(detail?.loc.line).toBe(30);
		expect(detail?.message).toContain(
			'src/content/story.aml:30: chapters[0].steps[0].map.markers[0].place: unknown place "kabool"'
		);
	});

	it('ignores other files', () => {
		const { ctx } = run(DOC);
		const plugin = storyPlugin() as unknown as Hooks;
		expect(plugin.load.call(ctx, '/x/app.ts')).toBeNull();
	});
});
