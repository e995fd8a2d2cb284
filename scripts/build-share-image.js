#!/usr/bin/env node
/**
 * The share image is rendered by the build (src/routes/share.png/+server.ts, prerendered from the
 * story's opening map with the same renderer as every other map). This script builds the site and
 * checks the result, so an editor can preview the card after changing the headline or the first
 * step:
 *
 *   npm run share-image                 build, then check build/share.png
 *   npm run share-image -- --no-build   only check an existing build
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const file = 'build/share.png';
if (!process.argv.includes('--no-build')) {
	const r = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' });
	if (r.status !== 0) process.exit(r.status ?? 1);
}
let png;
try {
	png = readFileSync(file);
} catch {
	console.error(`${file} not found: run the build first.`);
	process.exit(1);
}
const signature = '89504e470d0a1a0a';
if (png.subarray(0, 8).toString('hex') !== signature || png.toString('ascii', 12, 16) !== 'IHDR') {
	console.error(`${file} is not a PNG.`);
	process.exit(1);
}
const width = png.readUInt32BE(16);
const height = png.readUInt32BE(20);
if (width !== 1200 || height !== 630) {
	console.error(`${file} is ${width}×${height}; share cards need 1200×630.`);
	process.exit(1);
}
console.log(`${file}: ${width}×${height} PNG, ${(png.length / 1024).toFixed(0)} kB`);
