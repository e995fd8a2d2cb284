import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs, findChromium } from './scripts/lib/find-chromium.js';

/**
 * Browser tests run against the production build served by `vite preview`, under a base path,
 * exactly as an editor would deploy it.
 */
export const BASE_PATH = '/graphics/2024/pakistan-taliban';
/** PORT lets two checkouts test side by side; the default matches `npm run preview`. */
const port = Number(process.env.PORT ?? 4173);
const chromium = findChromium();

const launchOptions = { executablePath: chromium.path, args: chromiumArgs() };

export default defineConfig({
	testDir: 'tests/e2e',
	outputDir: 'test-results',
	fullyParallel: true,
	workers: process.env.CI ? 2 : undefined,
	retries: 0,
	timeout: 60_000,
	expect: { timeout: 10_000 },
	reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : [['list']],
	use: {
		baseURL: `http://localhost:${port}${BASE_PATH}/`,
		trace: 'retain-on-failure',
		launchOptions
	},
	projects: [
		{
			name: 'phone',
			use: {
				...devices['Pixel 7'],
				browserName: 'chromium',
				viewport: { width: 390, height: 844 },
				deviceScaleFactor: 2,
				isMobile: true,
				hasTouch: true,
				launchOptions
			}
		},
		{
			name: 'desktop',
			use: {
				browserName: 'chromium',
				viewport: { width: 1440, height: 900 },
				deviceScaleFactor: 1,
				launchOptions
			}
		}
	],
	webServer: {
		command: `npm run build && npx vite preview --port ${port} --strictPort`,
		env: { BASE_PATH },
		url: `http://localhost:${port}${BASE_PATH}/`,
		reuseExistingServer: !process.env.CI,
		timeout: 180_000,
		stdout: 'ignore',
		stderr: 'pipe'
	}
});
