#!/usr/bin/env node
/**
 * Validates the prerendered HTML with the Nu Html Checker (vnu-jar, needs Java 11+): the story
 * page and every embed card. Exits non-zero, listing each error, if any page is invalid.
 *
 *   node scripts/validate-html.js [build-dir]     (default: build)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const vnu = join(dirname(createRequire(import.meta.url).resolve('vnu-jar')), 'build/dist/vnu.jar');

const dir = process.argv[2] ?? 'build';
const index = join(dir, 'index.html');
if (!existsSync(index)) {
	console.error(`${index} not found: build the site first (npm run build).`);
	process.exit(2);
}
const embedDir = join(dir, 'embed');
const embeds = existsSync(embedDir)
	? readdirSync(embedDir, { withFileTypes: true })
			.filter((d) => d.isDirectory() && existsSync(join(embedDir, d.name, 'index.html')))
			.map((d) => join(embedDir, d.name, 'index.html'))
	: [];
const files = [index, ...embeds];

const result = spawnSync('java', ['-jar', vnu, '--errors-only', ...files], { encoding: 'utf8' });
if (result.error) {
	console.error(`Could not run Java for the Nu Html Checker: ${result.error.message}`);
	process.exit(2);
}
const output = `${result.stdout}${result.stderr}`.trim();
if (result.status !== 0 || output) {
	console.error(output);
	console.error(
		`\nNu Html Checker: errors in the prerendered HTML (${files.length} files checked).`
	);
	process.exit(1);
}
console.log(`Nu Html Checker: ${files.length} files valid (${embeds.length} embed cards).`);
