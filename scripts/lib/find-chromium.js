// Finds a Chromium for Playwright, in this order: Playwright's own browser if installed,
// $CHROMIUM_PATH, then Debian's /usr/bin/chromium. Returns undefined when none is found.
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/** @returns {{ path: string | undefined, origin: string }} */
export function findChromium() {
	try {
		const own = chromium.executablePath();
		if (own && existsSync(own))
			return { path: undefined, origin: `Playwright's Chromium (${own})` };
	} catch {
		// Playwright has no browser of its own here; fall through.
	}
	const fromEnv = process.env.CHROMIUM_PATH;
	if (fromEnv && existsSync(fromEnv))
		return { path: fromEnv, origin: `CHROMIUM_PATH (${fromEnv})` };
	if (existsSync('/usr/bin/chromium'))
		return { path: '/usr/bin/chromium', origin: '/usr/bin/chromium' };
	return { path: undefined, origin: '' };
}

/** Launch flags that keep Chromium quiet on a machine without outside network. */
export function chromiumArgs() {
	const args = [
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync',
		'--no-first-run',
		'--disable-quic'
	];
	if (typeof process.getuid === 'function' && process.getuid() === 0) args.push('--no-sandbox');
	return args;
}
