import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { ServiceProcess, TEST_LOG_DIR, TEST_SERVICES } from '#ikm/testing';

/**
 * The gateway's Swagger UI as a front-end developer sees it, in a real browser: Debian's Chromium
 * (installed by scripts/ensure-chromium.sh from the tests' global setup), driven by playwright-core.
 */
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const ideas = new ServiceProcess(TEST_SERVICES.ideas);
const metrics = new ServiceProcess(TEST_SERVICES.metrics);
const knowledgeAssets = new ServiceProcess(TEST_SERVICES['knowledge-assets']);
const gateway = new ServiceProcess(TEST_SERVICES.gateway);
let profile: string;
let browser: BrowserContext;
let page: Page;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: run scripts/ensure-chromium.sh as root (it installs Debian's chromium package)`);
  }
  await Promise.all([ideas.start(), metrics.start(), knowledgeAssets.start()]);
  await gateway.start();
  profile = mkdtempSync(path.join(tmpdir(), 'ikm-chromium-'));
  browser = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  page = await browser.newPage();
  await page.goto(`${gateway.baseUrl}/docs`);
  await page.locator('.opblock').first().waitFor({ timeout: 30_000 });
  await page.screenshot({ path: path.join(TEST_LOG_DIR, 'swagger-ui.png'), fullPage: true });
});

afterAll(async () => {
  await browser?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
  await Promise.all([gateway.stop(), ideas.stop(), metrics.stop(), knowledgeAssets.stop()]);
});

describe('Swagger UI at the gateway’s /docs', () => {
  it('lists the operations of every service, as the gateway exposes them', async () => {
    const listed = await page.locator('.opblock-summary-path').evaluateAll((paths) => paths.map((element) => element.getAttribute('data-path')));
    const merged = (await (await fetch(`${gateway.baseUrl}/docs-json`)).json()) as { paths: Record<string, unknown> };
    expect(listed).toEqual(expect.arrayContaining(['/api/v1/ideas', '/api/v1/ideas/{id}', '/api/v1/metrics/funnel', '/api/v1/metrics/benefits', '/api/v1/knowledge-assets/assets', '/api/v1/knowledge-assets/assets/{id}/versions/{number}']));
    expect(new Set(listed)).toEqual(new Set(Object.keys(merged.paths)));
    expect(listed).not.toContain('/health/live');
  });

  it('shows the path pattern of the description as written', async () => {
    await expect(page.locator('.info .description').innerText()).resolves.toContain('/api/v1/<service>/');
  });
});
