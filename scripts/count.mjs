#!/usr/bin/env node
/**
 * Adds up every runner of `npm test` into one line `N passed, N failed, N skipped`, strictly: a
 * report that is missing, malformed, inconsistent or non-numeric counts as a failure, and so does
 * a runner that exited non-zero while its report shows nothing failed. Skipped and todo tests are
 * listed by name above the last line. Exits 1 when anything failed.
 *
 *   node scripts/count.mjs --step NAME=RC ... --vitest REPORT=RC --playwright REPORT=RC
 *
 * A step (typecheck, lint, build, the quick bench) is one check: passed when its exit code is 0.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const count = z.number().int().nonnegative();

const vitestReport = z.object({
  numPassedTests: count,
  numFailedTests: count,
  numPendingTests: count,
  numTodoTests: count,
  numTotalTests: count,
  testResults: z.array(
    z.object({
      name: z.string(),
      status: z.string(),
      message: z.string().optional(),
      assertionResults: z.array(z.object({ fullName: z.string(), status: z.string() })),
    }),
  ),
});

const playwrightTest = z.object({ status: z.enum(['expected', 'unexpected', 'flaky', 'skipped']) });
/** @type {z.ZodType<{ title: string, specs?: { title: string, tests: { status: string }[] }[], suites?: unknown[] }>} */
const playwrightSuite = z.lazy(() =>
  z.object({
    title: z.string(),
    specs: z.array(z.object({ title: z.string(), tests: z.array(playwrightTest) })).optional(),
    suites: z.array(playwrightSuite).optional(),
  }),
);
const playwrightReport = z.object({
  stats: z.object({ expected: count, unexpected: count, flaky: count, skipped: count }),
  suites: z.array(playwrightSuite),
  errors: z.array(z.unknown()),
});

/**
 * @typedef {{ passed: number, failed: number, skipped: number, skippedNames: string[], problems: string[] }} Tally
 */

/** @returns {Tally} */
const empty = () => ({ passed: 0, failed: 0, skipped: 0, skippedNames: [], problems: [] });

/** Parses a report's text with a schema; a problem (and one failure) when it cannot. */
function parse(text, schema, what) {
  let json;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { problem: `${what}: the report is not JSON (${error.message})` };
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    const where = result.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    return { problem: `${what}: the report is malformed (${where.join('; ')})` };
  }
  return { value: result.data };
}

/** @returns {Tally} */
export function countVitest(text, exitCode) {
  const tally = empty();
  const parsed = parse(text, vitestReport, 'vitest');
  if (parsed.problem) return { ...tally, failed: 1, problems: [parsed.problem] };
  const r = parsed.value;
  const statuses = r.testResults.flatMap((file) => file.assertionResults.map((a) => a.status));
  const seen = (s) => statuses.filter((x) => x === s).length;
  if (
    seen('passed') !== r.numPassedTests ||
    seen('failed') !== r.numFailedTests ||
    seen('skipped') + seen('pending') !== r.numPendingTests ||
    seen('todo') !== r.numTodoTests ||
    statuses.length !== r.numTotalTests
  ) {
    return { ...tally, failed: 1, problems: ['vitest: the report’s totals do not match its tests'] };
  }
  tally.passed = r.numPassedTests;
  tally.failed = r.numFailedTests;
  for (const file of r.testResults) {
    // A file that failed without a failed test in it did not load or threw outside its tests.
    if (file.status === 'failed' && !file.assertionResults.some((a) => a.status === 'failed')) {
      tally.failed += 1;
      tally.problems.push(`vitest: ${file.name} failed outside its tests${file.message ? ` (${file.message})` : ''}`);
    }
    for (const a of file.assertionResults) {
      if (['skipped', 'pending', 'todo'].includes(a.status)) tally.skippedNames.push(`vitest ${a.status}: ${a.fullName}`);
    }
  }
  tally.skipped = tally.skippedNames.length;
  return exitedAlone(tally, exitCode, 'vitest');
}

/** @returns {Tally} */
export function countPlaywright(text, exitCode) {
  const tally = empty();
  const parsed = parse(text, playwrightReport, 'playwright');
  if (parsed.problem) return { ...tally, failed: 1, problems: [parsed.problem] };
  const r = parsed.value;
  const byStatus = { expected: 0, unexpected: 0, flaky: 0, skipped: 0 };
  const walk = (suite, path) => {
    const here = suite.title ? [...path, suite.title] : path;
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests) {
        byStatus[t.status] += 1;
        if (t.status === 'skipped') tally.skippedNames.push(`playwright skipped: ${[...here, spec.title].join(' › ')}`);
      }
    }
    for (const child of suite.suites ?? []) walk(child, here);
  };
  for (const suite of r.suites) walk(suite, []);
  const s = r.stats;
  if (byStatus.expected !== s.expected || byStatus.unexpected !== s.unexpected || byStatus.flaky !== s.flaky || byStatus.skipped !== s.skipped) {
    return { ...empty(), failed: 1, problems: ['playwright: the report’s totals do not match its tests'] };
  }
  tally.passed = s.expected + s.flaky;
  tally.failed = s.unexpected;
  tally.skipped = s.skipped;
  if (r.errors.length > 0) {
    tally.failed += r.errors.length;
    tally.problems.push(`playwright: ${r.errors.length} error(s) outside the tests`);
  }
  return exitedAlone(tally, exitCode, 'playwright');
}

/** A runner that exited non-zero with nothing failed in its report has failed all the same. */
function exitedAlone(tally, exitCode, what) {
  if (exitCode !== 0 && tally.failed === 0) {
    return { ...tally, failed: 1, problems: [...tally.problems, `${what}: exited with code ${exitCode} while its report shows nothing failed`] };
  }
  return tally;
}

/** Reads a report file; a missing one is a failure. */
function readReport(path, exitCode, counter, what) {
  let text;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return { ...empty(), failed: 1, problems: [`${what}: no report at ${path} (exit code ${exitCode})`] };
  }
  return counter(text, exitCode);
}

/** Parses `VALUE=RC`, RC a whole number. */
function pair(arg) {
  const m = /^(.+)=(-?\d+)$/.exec(arg ?? '');
  if (!m) throw new Error(`expected NAME=EXIT_CODE, got ${JSON.stringify(arg)}`);
  return [m[1], Number(m[2])];
}

export function main(argv) {
  const total = empty();
  const add = (t) => {
    total.passed += t.passed;
    total.failed += t.failed;
    total.skipped += t.skipped;
    total.skippedNames.push(...t.skippedNames);
    total.problems.push(...t.problems);
  };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, arg] = [argv[i], argv[i + 1]];
    const [value, rc] = pair(arg);
    if (flag === '--step') add(rc === 0 ? { ...empty(), passed: 1 } : { ...empty(), failed: 1, problems: [`${value}: exited with code ${rc}`] });
    else if (flag === '--vitest') add(readReport(value, rc, countVitest, 'vitest'));
    else if (flag === '--playwright') add(readReport(value, rc, countPlaywright, 'playwright'));
    else throw new Error(`unknown option ${flag}`);
  }
  const lines = [...total.problems.map((p) => `!!! ${p}`), ...total.skippedNames, `${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`];
  return { lines, ok: total.failed === 0 };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const { lines, ok } = main(process.argv.slice(2));
    console.log(lines.join('\n'));
    process.exit(ok ? 0 : 1);
  } catch (error) {
    console.log(`!!! count: ${error.message}\n0 passed, 1 failed, 0 skipped`);
    process.exit(1);
  }
}
