/**
 * The @newswire/frames UMD build (MIT, ~2 kB) with a one-line start-up, served from our own origin
 * as embed/frame.js (inside the card) and embed/host.js (on the CMS page). Build-time only.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

function umd(): string {
	const entry = createRequire(import.meta.url).resolve('@newswire/frames');
	return readFileSync(join(dirname(entry), 'frames.umd.js'), 'utf8');
}

/** Inside the card: report the height now, on load, on resize and whenever the content resizes. */
export function frameScript(): string {
	return `${umd()}
;(function (frames) {
	if (window.parent === window) return;
	frames.initFrame();
	if ('ResizeObserver' in window)
		new ResizeObserver(function () { frames.sendFrameHeight(); }).observe(document.documentElement);
})(self.newswireFrames);
`;
}

/** On the host page: turn every <div data-frame-src> into a self-resizing iframe. */
export function hostScript(): string {
	return `${umd()}
;(function (frames) {
	if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', frames.autoInitFrames);
	else frames.autoInitFrames();
})(self.newswireFrames);
`;
}

export const JS_HEADERS = {
	'content-type': 'text/javascript; charset=utf-8'
};
