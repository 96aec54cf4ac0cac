// Lighthouse (and axe) on Portal's pages, driven through Lighthouse's Node API with puppeteer-core and Debian's
// Chromium, so that pages behind a sign-in can be measured: the driver signs in through the apps' own forms in a tab,
// then hands that tab to Lighthouse. Started by bench/lighthouse.sh, which sets up the servers and the data.
//
// Input (environment): PORTAL_URL, EMPTY_URL, PATIENT_EMAIL, PATIENT_PASSWORD, ADMIN_EMAIL, ADMIN_PASSWORD,
// INVITE_TOKEN, REPORTS_DIR, CHROME_PATH, TLS_SPKI (base64 SHA-256 of the throwaway TLS certificate's public key).
// Output: one Lighthouse JSON report per page, summary.json, and the table on stdout.
import fs from 'node:fs/promises';
import path from 'node:path';
import lighthouse, {desktopConfig} from 'lighthouse';
import puppeteer from 'puppeteer-core';
import axe from 'axe-core';

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`measure.mjs: ${name} is not set`);
  return value;
};
const portal = env('PORTAL_URL');
const empty = env('EMPTY_URL');
const reportsDir = env('REPORTS_DIR');
await fs.mkdir(reportsDir, {recursive: true});

// The default config is Lighthouse's mobile preset (Moto G Power emulation, simulated slow 4G, 4x CPU slowdown);
// desktopConfig is its desktop preset. Nothing is switched off: the three categories the targets name are run in full.
const categories = ['performance', 'accessibility', 'best-practices'];
const presets = {
  mobile: {extends: 'lighthouse:default', settings: {onlyCategories: categories}},
  desktop: {...desktopConfig, settings: {...desktopConfig.settings, onlyCategories: categories}},
};

async function launch() {
  return puppeteer.launch({
    executablePath: env('CHROME_PATH'),
    headless: true,
    defaultViewport: null, // Lighthouse sets the viewport of its preset itself
    args: [
      '--no-sandbox', '--disable-dev-shm-usage',
      // The Host serves real HTTPS with a throwaway certificate made for this run. Chromium accepts that one
      // certificate (its public key's hash) and no other: the pages load as a secure origin with HSTS, Secure cookies
      // and mixed-content checks in force, and every other certificate check stays on.
      `--ignore-certificate-errors-spki-list=${env('TLS_SPKI')}`,
    ],
  });
}

/** Whatever the form, wait until the page no longer offers the password field: the app has signed the user in. */
async function signIn(page, url, email, password) {
  await page.goto(url, {waitUntil: 'networkidle0'});
  await page.waitForSelector('#email', {visible: true, timeout: 60_000});
  await page.type('#email', email);
  await page.type('#password', password);
  await page.click('button[type=submit]');
  await page.waitForFunction(() => !document.querySelector('#password'), {timeout: 60_000});
  await page.waitForNetworkIdle({idleTime: 500, timeout: 30_000}).catch(() => {});
}

const results = [];

/**
 * One Lighthouse run on `url` in `page`'s tab. A signed-in page keeps its session (an HttpOnly cookie, which lives in
 * this browser): Lighthouse's storage reset is off for it, and the driver empties the
 * HTTP cache itself, as that reset would, so every run is still a first visit with an empty cache.
 */
async function measure(page, {name, url, preset, signedIn = false, expect}) {
  const session = await page.createCDPSession();
  if (signedIn) {
    await session.send('Network.clearBrowserCache');
  }
  await session.detach();

  const started = Date.now();
  const flags = {logLevel: 'error', output: 'json', disableStorageReset: signedIn};
  const runner = await lighthouse(url, flags, presets[preset], page);
  const lhr = runner.lhr;
  const file = `${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}-${preset}.json`;
  await fs.writeFile(path.join(reportsDir, file), runner.report);

  // Was the page what we meant to measure (signed in or not)? Lighthouse leaves the tab on the page.
  let shown = 'ok';
  try {
    if (expect) await page.waitForFunction(expect, {timeout: 30_000});
  } catch {
    shown = 'NOT AS EXPECTED';
  }

  const audit = (id) => lhr.audits[id];
  const score = (id) => (lhr.categories[id]?.score == null ? null : Math.round(lhr.categories[id].score * 100));
  // Every audit that cost points or that Lighthouse flags (diagnostics included), with what it says it would save.
  const failing = Object.values(lhr.categories)
    .flatMap((category) => category.auditRefs.map((ref) => ({category: category.id, weight: ref.weight, ...audit(ref.id)})))
    .filter((a) => a.score !== null && a.score < 1 && !['informative', 'notApplicable', 'manual'].includes(a.scoreDisplayMode))
    .map((a) => ({
      category: a.category, id: a.id, weight: a.weight, score: a.score, displayValue: a.displayValue ?? '',
      savings: Object.entries(a.metricSavings ?? {}).filter(([, v]) => v > 0).map(([k, v]) => `${k} ${Math.round(v * 1000) / 1000}`).join(', '),
      items: (a.details?.items ?? []).slice(0, 3).map((i) => i.url ?? i.node?.selector ?? i.node?.snippet).filter(Boolean),
    }));
  const opportunities = Object.values(lhr.audits)
    .filter((a) => a.details?.type === 'opportunity' && (a.details.overallSavingsMs ?? 0) > 0)
    .sort((a, b) => b.details.overallSavingsMs - a.details.overallSavingsMs)
    .slice(0, 3)
    .map((a) => ({id: a.id, savingsMs: Math.round(a.details.overallSavingsMs), displayValue: a.displayValue ?? ''}));
  const heaviest = (audit('total-byte-weight').details?.items ?? []).slice(0, 5)
    .map((i) => `${i.url.replace(/^https?:\/\/[^/]+/, '')} ${Math.round(i.totalBytes / 1024)} KB`);

  const row = {
    name, url, preset, report: file, shown,
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    tbtMs: Math.round(audit('total-blocking-time').numericValue),
    lcpS: audit('largest-contentful-paint').numericValue / 1000,
    kb: audit('total-byte-weight').numericValue / 1024,
    consoleErrors: audit('errors-in-console').details?.items?.length ?? 0,
    consoleMessages: (audit('errors-in-console').details?.items ?? []).map((i) => `${i.source}: ${i.description}`.slice(0, 200)),
    runtimeError: lhr.runtimeError?.code ?? null,
    warnings: lhr.runWarnings,
    failing, opportunities, heaviest,
    seconds: Math.round((Date.now() - started) / 1000),
  };

  // axe (all its rules, not only the ones Lighthouse runs), on the same page as Lighthouse left it.
  if (process.env.AXE !== '0') {
    try {
      // Injected through the DevTools protocol, which the pages' Content-Security-Policy does not govern.
      await page.evaluate(axe.source);
      const found = await page.evaluate(() => window.axe.run(document, {resultTypes: ['violations']}));
      row.axeViolations = found.violations.length;
      row.axeNodes = found.violations.reduce((sum, v) => sum + v.nodes.length, 0);
      row.axeRules = found.violations.map((v) => `${v.id} (${v.impact}) at ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
    } catch (error) {
      row.axeError = String(error.message ?? error).slice(0, 200);
    }
  }

  results.push(row);
  console.error(`  ${name} [${preset}]: perf ${row.performance}, a11y ${row.accessibility}, bp ${row.bestPractices} (${row.seconds}s)`);
}

const noPassword = () => !document.querySelector('#password') && document.querySelector('h1') !== null;
const hasPassword = () => document.querySelector('#password') !== null;

// The patients' app, mobile preset: signed-out pages first, then the same tab signs in through the app's own form.
{
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await measure(page, {name: 'patient invitation', url: `${portal}/invite/${env('INVITE_TOKEN')}`, preset: 'mobile', expect: () => document.querySelector('h1') !== null});
    await measure(page, {name: 'patient sign-in', url: `${portal}/`, preset: 'mobile', expect: hasPassword});
    await signIn(page, `${portal}/`, env('PATIENT_EMAIL'), env('PATIENT_PASSWORD'));
    await measure(page, {name: 'patient home', url: `${portal}/`, preset: 'mobile', signedIn: true, expect: () => document.querySelector('h1')?.textContent.startsWith('Hello')});
    await measure(page, {name: 'patient details', url: `${portal}/details`, preset: 'mobile', signedIn: true, expect: noPassword});
    await measure(page, {name: 'patient appointments', url: `${portal}/appointments`, preset: 'mobile', signedIn: true, expect: noPassword});
    await measure(page, {name: 'patient booking', url: `${portal}/appointments/book`, preset: 'mobile', signedIn: true, expect: noPassword});
    await measure(page, {name: 'patient funding', url: `${portal}/funding`, preset: 'mobile', signedIn: true, expect: noPassword});
    await measure(page, {name: 'patient funding medicare', url: `${portal}/funding/medicare`, preset: 'mobile', signedIn: true, expect: noPassword});
  } finally {
    await browser.close();
  }
}

// The admin app (server-rendered, decision 0014), desktop preset. Its patients list is its home page, /admin/, once signed in.
{
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await measure(page, {name: 'admin sign-in', url: `${portal}/admin/`, preset: 'desktop', expect: hasPassword});
    await signIn(page, `${portal}/admin/`, env('ADMIN_EMAIL'), env('ADMIN_PASSWORD'));
    await measure(page, {
      name: 'admin patients', url: `${portal}/admin/`, preset: 'desktop', signedIn: true,
      expect: () => document.querySelector('h1')?.textContent.trim() === 'Patients',
    });
    await measure(page, {name: 'admin calendar week', url: `${portal}/admin/calendar?view=week`, preset: 'desktop', signedIn: true, expect: noPassword});
    await measure(page, {name: 'admin my hours', url: `${portal}/admin/schedule`, preset: 'desktop', signedIn: true, expect: noPassword});
    await measure(page, {name: 'admin funding tab', url: `${portal}/admin/patients/${env('AVA_ID')}?tab=funding`, preset: 'desktop', signedIn: true, expect: noPassword});
  } finally {
    await browser.close();
  }
}

// The yardstick: an empty server-rendered Blazor app, both presets.
{
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await measure(page, {name: 'empty Blazor', url: `${empty}/`, preset: 'mobile'});
    await measure(page, {name: 'empty Blazor', url: `${empty}/`, preset: 'desktop'});
  } finally {
    await browser.close();
  }
}

await fs.writeFile(path.join(reportsDir, 'summary.json'), JSON.stringify(results, null, 2));

// The table, with issue 15's targets beside it. Missing a target is a finding, not a failure of the script.
const targeted = (r) => !r.name.startsWith('empty');
const misses = (r) => {
  if (!targeted(r)) return 'yardstick';
  const m = [];
  if (r.performance < 90) m.push('perf<90');
  if (r.accessibility < 100) m.push('a11y<100');
  if (r.bestPractices < 100) m.push('bp<100');
  if (r.name.startsWith('patient') && r.kb >= 300) m.push('>=300KB');
  if (r.consoleErrors > 0) m.push('console');
  if (r.shown !== 'ok') m.push('page not as expected');
  return m.length ? 'MISSED: ' + m.join(', ') : 'met';
};
const pad = (s, n, right = false) => (right ? String(s).padStart(n) : String(s).padEnd(n));
const header = [pad('page', 20), pad('preset', 8), pad('perf', 5, true), pad('a11y', 5, true), pad('bp', 5, true),
  pad('TBT ms', 7, true), pad('LCP s', 6, true), pad('KB', 7, true), pad('errors', 7, true), pad('axe', 4, true), '  targets'].join(' ');
console.log('\n' + header);
console.log('-'.repeat(header.length + 20));
for (const r of results) {
  console.log([pad(r.name, 20), pad(r.preset, 8), pad(r.performance ?? '-', 5, true), pad(r.accessibility ?? '-', 5, true),
    pad(r.bestPractices ?? '-', 5, true), pad(r.tbtMs, 7, true), pad(r.lcpS.toFixed(1), 6, true), pad(r.kb.toFixed(0), 7, true),
    pad(r.consoleErrors, 7, true), pad(r.axeViolations ?? '-', 4, true), '  ' + misses(r)].join(' '));
}
console.log(`
Targets (issue 15): the patients' invitation, sign-in, home and details pages (mobile) and the admin sign-in and
patients pages (desktop) score >= 90 performance and 100 accessibility and best practices; a patient page's first visit
< 300 KB transferred; no console errors. axe = axe-core violations (rules). Reports: ${reportsDir}`);

for (const r of results.filter((r) => misses(r).startsWith('MISSED'))) {
  console.log(`\n${r.name} [${r.preset}] ${misses(r)}`);
  for (const f of r.failing) {
    console.log(`  ${f.category}: ${f.id} (score ${f.score}${f.weight ? `, weight ${f.weight}` : ', diagnostic'}) ${f.displayValue}`
      + (f.savings ? ` [saves ${f.savings}]` : '') + (f.items.length ? ` <- ${f.items.join(', ')}` : ''));
  }
  for (const o of r.opportunities) console.log(`  opportunity: ${o.id} ~${o.savingsMs} ms ${o.displayValue}`);
  if (r.kb >= 300) console.log(`  heaviest: ${r.heaviest.join('; ')}`);
  for (const c of r.consoleMessages) console.log(`  console: ${c}`);
  if (r.axeRules?.length) console.log(`  axe: ${r.axeRules.join('; ')}`);
}
