/**
 * The map island's entry: the one script the story page names, a few hundred bytes. The page is
 * whole without it (prose, and the first step's map drawn on the server), so the island itself
 * (main.ts) is fetched only once the page has loaded, its fonts are in, its largest element has
 * been painted and the browser is idle, as an island that hydrates "on idle" does: its download
 * and set-up never compete with the article's first paint for the network or the main thread.
 */
const IDLE_TIMEOUT_MS = 1500;
/** However the browser reports (or fails to report) the first paint, the map starts by then. */
const PAINT_WAIT_MS = 2500;

function loaded(): Promise<void> {
	if (document.readyState === 'complete') return Promise.resolve();
	return new Promise((resolve) => addEventListener('load', () => resolve(), { once: true }));
}

/** The page's largest contentful paint has happened (where the browser reports it). */
function painted(): Promise<void> {
	const types =
		typeof PerformanceObserver === 'undefined' ? [] : PerformanceObserver.supportedEntryTypes;
	if (!types?.includes('largest-contentful-paint')) return Promise.resolve();
	return new Promise((resolve) => {
		const observer = new PerformanceObserver((list) => {
			if (list.getEntries().length === 0) return;
			observer.disconnect();
			resolve();
		});
		observer.observe({ type: 'largest-contentful-paint', buffered: true });
	});
}

function within<T>(ms: number, promise: Promise<T>): Promise<unknown> {
	return Promise.race([promise, new Promise((resolve) => setTimeout(resolve, ms))]);
}

function whenIdle(run: () => void) {
	// Two frames first: what has been painted is then on screen (a frame's pixels reach the
	// screen while the next one is prepared), and the idle callback comes after.
	requestAnimationFrame(() =>
		requestAnimationFrame(() => {
			if ('requestIdleCallback' in window) requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS });
			else setTimeout(run, 0);
		})
	);
}

function loadIsland() {
	import('./main').catch((error: unknown) => {
		// The reader keeps the static page and its first map, and the figure says so at once.
		document.querySelector<HTMLElement>('figure.story-map')?.setAttribute('data-status', 'failed');
		console.error('The map island failed to load', error);
	});
}

/**
 * Faces the first view does not use, asked for once it has painted: the Urdu edition's body face,
 * Nastaliq (107 KB), which the stylesheet applies under data-fonts="all" (src/editions.css).
 */
function laterFonts() {
	document.documentElement.dataset.fonts = 'all';
}

void within(PAINT_WAIT_MS, Promise.all([loaded(), document.fonts.ready, painted()])).then(() => {
	laterFonts();
	whenIdle(loadIsland);
});
