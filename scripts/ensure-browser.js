// Makes sure the browser tests have a Chromium: Playwright's own, $CHROMIUM_PATH or
// /usr/bin/chromium. As root on Debian it installs Debian's chromium package; otherwise it
// stops with one line saying how to get a browser. No test ever skips for want of one.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from './lib/find-chromium.js';

const found = findChromium();
if (found.origin) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const isDebian = existsSync('/etc/debian_version') && existsSync('/usr/bin/apt-get');
if (isRoot && isDebian) {
	console.log(
		'No Chromium found: installing Debian\'s "chromium" package with apt-get (one time).'
	);
	try {
		execSync(
			'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium',
			{
				stdio: ['ignore', 'ignore', 'inherit']
			}
		);
	} catch {
		console.error('Installing chromium with apt-get failed; see the messages above.');
		process.exit(1);
	}
	if (findChromium().origin) process.exit(0);
}
console.error(
	'No Chromium for the browser tests: install one (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH=/path/to/chromium.'
);
process.exit(1);
