/**
 * The test count cannot flatter: scripts/count.mjs (which `npm test` and CI end with) is run as
 * test-all.sh runs it, on reports written here, good and broken; and a stray `.only` stops both
 * runners instead of shrinking the run.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

mkdirSync('.tmp-tests', { recursive: true });
// Inside the project, so that the runners started below resolve its packages and configs; not in
// test-results, which Playwright empties when it starts.
const dir = mkdtempSync(join(process.cwd(), '.tmp-tests', 'count-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
const write = (text: string) => {
  const path = join(dir, `report-${files++}.json`);
  writeFileSync(path, text);
  return path;
};

const assertion = (fullName: string, status: string) => ({ fullName, status, title: fullName, ancestorTitles: [] });
const vitest = (over: Record<string, unknown> = {}) => ({
  numTotalTestSuites: 2,
  numPassedTestSuites: 2,
  numFailedTestSuites: 0,
  numPendingTestSuites: 0,
  numTotalTests: 4,
  numPassedTests: 2,
  numFailedTests: 0,
  numPendingTests: 1,
  numTodoTests: 1,
  success: true,
  testResults: [
    {
      name: '/p/tests/unit/a.test.ts',
      status: 'passed',
      message: '',
      assertionResults: [
        assertion('dates orders two dates', 'passed'),
        assertion('dates reads a month', 'passed'),
        assertion('dates a skipped case', 'skipped'),
        assertion('dates a case to write', 'todo'),
      ],
    },
  ],
  ...over,
});
const playwright = (over: Record<string, unknown> = {}) => ({
  stats: { startTime: '2026-12-04T10:00:00Z', duration: 10, expected: 2, unexpected: 0, flaky: 0, skipped: 1 },
  suites: [
    {
      title: 'maps.spec.ts',
      specs: [
        { title: 'a step is added', tests: [{ status: 'expected' }] },
        { title: 'a step is moved', tests: [{ status: 'expected' }] },
      ],
      suites: [{ title: 'export', specs: [{ title: 'the deck opens', tests: [{ status: 'skipped' }] }] }],
    },
  ],
  errors: [],
  ...over,
});

/** Runs the count as test-all.sh does: its output lines and exit code. */
function count(...args: string[]) {
  const r = spawnSync('node', ['scripts/count.mjs', ...args], { encoding: 'utf8' });
  return { lines: r.stdout.trim().split('\n'), last: r.stdout.trim().split('\n').at(-1), code: r.status };
}

describe('the count of every runner', () => {
  it('adds up the checks, the unit tests and the end-to-end tests, and names the skipped and todo tests', () => {
    const r = count('--step', 'typecheck=0', '--step', 'lint=0', '--vitest', `${write(JSON.stringify(vitest()))}=0`, '--playwright', `${write(JSON.stringify(playwright()))}=0`);
    expect(r.last).toBe('6 passed, 0 failed, 3 skipped');
    expect(r.lines).toContain('vitest skipped: dates a skipped case');
    expect(r.lines).toContain('vitest todo: dates a case to write');
    expect(r.lines).toContain('playwright skipped: maps.spec.ts › export › the deck opens');
    expect(r.code).toBe(0);
  });

  it('a truncated report is a failure, not zero tests', () => {
    const text = JSON.stringify(vitest());
    const r = count('--vitest', `${write(text.slice(0, text.length / 2))}=0`);
    expect(r.last).toBe('0 passed, 1 failed, 0 skipped');
    expect(r.lines.some((l) => l.includes('not JSON'))).toBe(true);
    expect(r.code).toBe(1);
  });

  it('a report missing a total, or with a total that is not a number, is a failure', () => {
    const { numFailedTests: _dropped, ...missing } = vitest();
    expect(count('--vitest', `${write(JSON.stringify(missing))}=0`).last).toBe('0 passed, 1 failed, 0 skipped');
    expect(count('--vitest', `${write(JSON.stringify(vitest({ numPassedTests: '2' })))}=0`).last).toBe('0 passed, 1 failed, 0 skipped');
    const stats = { ...playwright().stats, expected: null };
    expect(count('--playwright', `${write(JSON.stringify(playwright({ stats })))}=0`).last).toBe('0 passed, 1 failed, 0 skipped');
  });

  it('totals that do not match the tests listed are a failure', () => {
    const r = count('--vitest', `${write(JSON.stringify(vitest({ numPassedTests: 40 })))}=0`);
    expect(r.last).toBe('0 passed, 1 failed, 0 skipped');
    expect(r.code).toBe(1);
  });

  it('a runner that exits non-zero while its report shows nothing failed has failed', () => {
    const r = count('--playwright', `${write(JSON.stringify(playwright()))}=1`);
    expect(r.last).toBe('2 passed, 1 failed, 1 skipped');
    expect(r.lines.some((l) => l.includes('exited with code 1'))).toBe(true);
    expect(r.code).toBe(1);
  });

  it('a missing report, a test file that did not load and an error outside the tests are failures', () => {
    expect(count('--vitest', `${join(dir, 'none.json')}=0`).last).toBe('0 passed, 1 failed, 0 skipped');
    const broken = vitest();
    broken.testResults.push({ name: '/p/tests/unit/b.test.ts', status: 'failed', message: 'Cannot find module', assertionResults: [] });
    expect(count('--vitest', `${write(JSON.stringify(broken))}=1`).last).toBe('2 passed, 1 failed, 2 skipped');
    expect(count('--playwright', `${write(JSON.stringify(playwright({ errors: [{ message: 'webServer' }] })))}=1`).last).toBe('2 passed, 1 failed, 1 skipped');
  });

  it('a check that failed is counted', () => {
    const r = count('--step', 'typecheck=0', '--step', 'lint=2');
    expect(r.last).toBe('1 passed, 1 failed, 0 skipped');
    expect(r.lines).toContain('!!! lint: exited with code 2');
  });

  it('the reports test-all.sh counts survive the runs after them: none is in test-results/, which each Playwright run empties', () => {
    const script = readFileSync('scripts/test-all.sh', 'utf8');
    const reports = [...script.matchAll(/--(?:vitest|playwright) "([^"=]+)=/g)].map((m) => m[1]!);
    expect(reports).toHaveLength(2);
    for (const path of reports) expect(path.startsWith('test-results/')).toBe(false);
    expect(readFileSync('playwright.config.ts', 'utf8')).toContain(`outputFile: '${reports[1]}'`);
    expect(script).toContain(`--outputFile=${reports[0]}`);
  });

  it('test-all.sh ends with this count', () => {
    const script = readFileSync('scripts/test-all.sh', 'utf8').trim().split('\n');
    expect(script.at(-1)).toMatch(/^node scripts\/count\.mjs "\$\{args\[@\]\}"$/);
  });
});

describe('a stray .only', () => {
  it('stops Vitest instead of running one test', () => {
    writeFileSync(join(dir, 'focused.test.ts'), "import { it } from 'vitest';\nit.only('focused', () => {});\nit('other', () => {});\n");
    writeFileSync(
      join(dir, 'vitest.config.ts'),
      "import base from '../../vitest.config';\nexport default { ...base, test: { ...base.test, setupFiles: [], include: ['focused.test.ts'] } };\n",
    );
    const r = spawnSync('npx', ['vitest', 'run', '--root', dir, '--config', join(dir, 'vitest.config.ts')], { encoding: 'utf8', env: { ...process.env, CI: '' } });
    expect(r.status).not.toBe(0);
    expect(r.stdout + r.stderr).toMatch(/\.only/);
  }, 60_000);

  it('stops Playwright instead of running one test', () => {
    writeFileSync(join(dir, 'focused.spec.ts'), "import { test } from '@playwright/test';\ntest.only('focused', () => {});\ntest('other', () => {});\n");
    writeFileSync(join(dir, 'pw.config.ts'), "import base from '../../playwright.config';\nexport default { ...base, testDir: '.', testMatch: 'focused.spec.ts', webServer: undefined };\n");
    const r = spawnSync('npx', ['playwright', 'test', '-c', join(dir, 'pw.config.ts'), '--list'], { encoding: 'utf8', env: { ...process.env, CI: '' } });
    expect(r.status).not.toBe(0);
    expect(r.stdout + r.stderr).toContain("not allowed due to the 'forbidOnly' option");
  }, 60_000);
});
