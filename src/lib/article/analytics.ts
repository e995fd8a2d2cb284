/**
 * The optional page-view beacon (off unless PUBLIC_ANALYTICS_URL is set at build time): one
 * `navigator.sendBeacon` with the path and the referrer's origin. No cookies are set, nothing is
 * stored, no third-party script is loaded; the endpoint's origin is added to the CSP's connect-src
 * by svelte.config.js.
 */
export function sendPageView(endpoint: string): boolean {
	if (!endpoint || typeof navigator === 'undefined' || !navigator.sendBeacon) return false;
	let referrer = '';
	try {
		referrer = document.referrer ? new URL(document.referrer).origin : '';
	} catch {
		referrer = '';
	}
	const body = JSON.stringify({ path: location.pathname, referrer, t: Date.now() });
	return navigator.sendBeacon(endpoint, new Blob([body], { type: 'text/plain' }));
}
