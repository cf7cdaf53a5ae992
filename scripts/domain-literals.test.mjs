// Rules and defaults of the domain live in core; the elements read them from
// there (docs/CONVENTIONS: "a rule found in a component is a bug"). This test
// reads the components' source and fails, with the file and line, where an
// element restates one: a list of core's enum values (statuses, decisions,
// kinds…), core's maturity levels, a day or month count next to a rule name
// (a response window, a follow-up, a stale listing), or a day in milliseconds.
// It reads code only: comments and the text of strings and templates are
// skipped (CSS sizes, prose), but `${…}` expressions inside templates are read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { findFiles, root } from './lib.mjs';

const ENTRIES = ['plan', 'referral', 'resources', 'outcomes', 'network', 'maturity', 'framework', 'access'];

/** Core's exported lists: string lists (enum values) and number lists (levels), by export name. */
async function coreLists() {
  const strings = new Map();
  const numbers = new Map();
  for (const entry of ENTRIES) {
    const mod = await import(new URL(`../packages/core/src/${entry}/index.ts`, import.meta.url).href);
    for (const [name, value] of Object.entries(mod)) {
      if (!Array.isArray(value) || value.length < 2) continue;
      if (value.every((v) => typeof v === 'string')) strings.set(name, new Set(value));
      else if (value.every((v) => typeof v === 'number')) numbers.set(name, value);
    }
  }
  return { strings, numbers };
}

/**
 * Splits source into code (strings and comments blanked, newlines kept, so
 * positions and lines stay) and the string literals with their offsets.
 * Template literals are text except their `${…}` expressions, which are code.
 */
export function lex(source) {
  const code = source.split('');
  const strings = [];
  const stack = []; // brace depth of each open `${` per template
  let i = 0;
  const blank = (from, to) => {
    for (let k = from; k < to; k++) if (code[k] !== '\n') code[k] = ' ';
  };
  const template = () => {
    // At the char after a backtick or after a closing `}` of an expression: read text up to `${` or the closing backtick.
    const start = i;
    while (i < source.length) {
      if (source[i] === '\\') i += 2;
      else if (source[i] === '`') {
        blank(start, i + 1);
        i++;
        return;
      } else if (source[i] === '$' && source[i + 1] === '{') {
        blank(start, i + 2);
        i += 2;
        stack.push(0);
        return;
      } else i++;
    }
  };
  while (i < source.length) {
    const c = source[i];
    const next = source[i + 1];
    if (c === '/' && next === '/') {
      const end = source.indexOf('\n', i);
      const stop = end < 0 ? source.length : end;
      blank(i, stop);
      i = stop;
    } else if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end < 0 ? source.length : end + 2;
      blank(i, stop);
      i = stop;
    } else if (c === "'" || c === '"') {
      const start = i;
      i++;
      while (i < source.length && source[i] !== c && source[i] !== '\n') i += source[i] === '\\' ? 2 : 1;
      strings.push({ value: source.slice(start + 1, i), start });
      i++;
      blank(start, i);
    } else if (c === '`') {
      i++;
      template();
    } else if (c === '{' && stack.length > 0) {
      stack[stack.length - 1]++;
      i++;
    } else if (c === '}' && stack.length > 0) {
      if (stack[stack.length - 1] === 0) {
        stack.pop();
        code[i] = ' ';
        i++;
        template();
      } else {
        stack[stack.length - 1]--;
        i++;
      }
    } else i++;
  }
  return { code: code.join(''), strings };
}

const lineOf = (text, offset) => text.slice(0, offset).split('\n').length;

/** Words of an identifier that name a time-based rule: a number beside one is a day or month count. */
const RULE_WORDS = new Set([
  'day',
  'days',
  'month',
  'months',
  'week',
  'weeks',
  'window',
  'stale',
  'overdue',
  'due',
  'followup',
  'followups',
]);
/** The first identifier on a line with a rule word in it (`staleAfterMonths`, `RESPONSE_WINDOW`, `dueBy`), if any. */
function ruleWord(text) {
  for (const [identifier] of text.matchAll(/[A-Za-z_$][\w$]*/g)) {
    const words = identifier
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
      .replace(/[_$]+/g, ' ')
      .toLowerCase()
      .replace(/follow up/g, 'followup')
      .split(' ');
    if (words.some((w) => RULE_WORDS.has(w))) return identifier;
  }
  return undefined;
}
/** Index and formatting calls whose numbers are positions, not durations. */
const POSITIONAL = /\.(?:slice|substring|substr|padStart|padEnd|toFixed|at|splice)\([^)]*$/;
const DAY_IN_MS = /\b(?:86_?400_?000|864e5)\b|\b24\s*\*\s*60\s*\*\s*60\s*\*\s*1000\b/;

/** What an element's source restates of core: `{ line, message }` per finding. */
export function findDomainLiterals(source, lists) {
  const { code, strings } = lex(source);
  const findings = [];
  // 1. Array literals (and `new Set([...])`) of core's enum values or levels.
  for (const match of code.matchAll(/\[([^[\]]*)\]/g)) {
    const start = match.index;
    const end = start + match[0].length;
    const inside = strings.filter((s) => s.start > start && s.start < end).map((s) => s.value);
    const rest = match[1].replace(/[\s,]/g, '');
    if (inside.length >= 2 && rest === '') {
      for (const [name, values] of lists.strings) {
        if (inside.every((v) => values.has(v))) {
          findings.push({
            line: lineOf(source, start),
            message: `lists ${inside.map((v) => `'${v}'`).join(', ')}: use core's ${name}`,
          });
          break;
        }
      }
    }
    const nums = match[1]
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (nums.length >= 3 && nums.every((n) => /^\d+(?:\.\d+)?$/.test(n))) {
      for (const [name, values] of lists.numbers) {
        if (nums.every((n) => values.includes(Number(n))) && nums.some((n) => n.includes('.'))) {
          findings.push({
            line: lineOf(source, start),
            message: `lists the levels ${nums.join(', ')}: use core's ${name}`,
          });
          break;
        }
      }
    }
  }
  // 2. Day or month counts beside a rule name, and a day in milliseconds.
  code.split('\n').forEach((text, index) => {
    if (DAY_IN_MS.test(text)) findings.push({ line: index + 1, message: "a day in milliseconds: use core's DAY_MS" });
    const word = ruleWord(text);
    if (!word) return;
    for (const m of text.matchAll(/(?<![\w.])(\d+(?:_\d+)*)(?![\w.])/g)) {
      const value = Number(m[1].replace(/_/g, ''));
      if (value < 2 || value === 86_400_000 || POSITIONAL.test(text.slice(0, m.index))) continue;
      findings.push({
        line: index + 1,
        message: `the number ${m[1]} beside "${word}": read the rule's default from core`,
      });
    }
  });
  return findings.sort((a, b) => a.line - b.line);
}

/**
 * Known findings another branch removes (the referral-detail rules move to
 * core on wip-forms): removed by wip-forms. The lead drops this list on merge.
 * Each entry: file and the exact message.
 */
const ALLOWED = [
  // removed by wip-forms
];

const isAllowed = (file, finding) => ALLOWED.some((a) => a.file === file && a.message === finding.message);

test('the scanner finds restated enum lists, levels and rule day counts, and not CSS sizes or prose', async () => {
  const lists = await coreLists();
  assert.ok(lists.strings.has('PLAN_STATUSES'), 'core exports the plan statuses');
  const sample = [
    'const LEVELS = [0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5];',
    "for (const act of ['adopt', 'adapt', 'abandon'] as const) {}",
    'staleAfterMonths = 12;',
    'const due = requested + 14 * 86_400_000;',
    'const styles = css`.x { width: 14rem; margin: 12px }`;',
    "msg('Within 14 days of the referral')",
    '// routine referrals wait 14 days',
    'const date = item.dueBy.slice(0, 10);',
    'html`<p>${overdue ? 14 : 0}</p>`',
    'const grid = [1, 2, 3];',
  ].join('\n');
  const found = findDomainLiterals(sample, lists).map((f) => f.line);
  assert.deepEqual(found, [1, 2, 3, 4, 4, 9]);
  assert.deepEqual(
    findDomainLiterals('const iso = todayIso().slice(0, 4) + 12;', lists),
    [],
    'today is not a day count',
  );
});

test('no element restates a rule or default that core owns (file:line for each)', async () => {
  const lists = await coreLists();
  const problems = [];
  const files = findFiles('packages/components/src', /\.ts$/).filter(
    // Test files and the test support in internal/quality build fixtures; styles are CSS.
    (f) => !/\.test\.ts$|\.styles\.ts$|\/generated\/|\/locales?\/|\/internal\/quality\//.test(f),
  );
  for (const file of files) {
    const rel = relative(root, join(root, file)).replace(/\\/g, '/');
    const source = readFileSync(join(root, file), 'utf8');
    for (const finding of findDomainLiterals(source, lists)) {
      if (!isAllowed(rel, finding)) problems.push(`${rel}:${finding.line}: ${finding.message}`);
    }
  }
  assert.deepEqual(
    problems,
    [],
    `rules restated in elements (move them to core and read them from there):\n${problems.join('\n')}`,
  );
});
