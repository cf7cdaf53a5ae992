import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  LINKS_FRAMEWORK,
  LINKS_THEMES,
  LINKS_THEME_NAMES,
  validateFramework,
  findCapacity,
  formatIssues,
} from '../test-all.js';

test('the default framework has the 7 capacities and 5 themes with the ids of the domain brief', () => {
  assert.deepEqual(
    LINKS_FRAMEWORK.capacities.map((c) => c.id),
    [
      'team-wellbeing',
      'shared-learning',
      'awareness',
      'intelligence',
      'signposting',
      'problem-solving',
      'network-building',
    ],
  );
  assert.deepEqual(
    LINKS_FRAMEWORK.themes.map((t) => t.id),
    [
      'adapting-to-diagnosis',
      'living-well-day-to-day',
      'facing-challenges-and-crises',
      'navigating-systems',
      'dying-well',
    ],
  );
  assert.deepEqual(
    LINKS_FRAMEWORK.responsibilities.map((r) => r.id),
    ['people', 'practice-team', 'community'],
  );
  assert.match(LINKS_FRAMEWORK.version, /^\d+\.\d+\.\d+$/);
});

test('the default framework validates against its own schema and is frozen', () => {
  const result = validateFramework(structuredClone(LINKS_FRAMEWORK));
  assert.equal(result.ok, true);
  assert.throws(() => {
    (LINKS_FRAMEWORK.capacities as { name: string }[])[0]!.name = 'changed';
  }, TypeError);
});

test('the theme names alone are the framework themes without their descriptions, frozen', () => {
  assert.equal(LINKS_FRAMEWORK.themes, LINKS_THEMES);
  assert.deepEqual(
    LINKS_THEME_NAMES,
    LINKS_FRAMEWORK.themes.map(({ id, name }) => ({ id, name })),
  );
  assert.ok(LINKS_THEMES.every((t) => t.description.length > 0));
  assert.deepEqual(Object.keys(LINKS_THEMES[0]!), ['id', 'name', 'description']);
  assert.ok(Object.isFrozen(LINKS_THEMES) && LINKS_THEMES.every((t) => Object.isFrozen(t)));
  assert.ok(Object.isFrozen(LINKS_THEME_NAMES) && LINKS_THEME_NAMES.every((t) => Object.isFrozen(t)));
});

test('a revised framework from a host is accepted without code changes', () => {
  const revised = structuredClone(LINKS_FRAMEWORK) as {
    version: string;
    capacities: { id: string; name: string; description: string }[];
  };
  revised.version = '2.0.0';
  revised.capacities.push({
    id: 'digital-inclusion',
    name: 'Digital Inclusion',
    description: 'Help people get online.',
  });
  const result = validateFramework(revised);
  assert.ok(result.ok);
  assert.equal(findCapacity(result.value, 'digital-inclusion')?.name, 'Digital Inclusion');
});

test('a broken framework gets every problem with its JSON path, in plain English', () => {
  const broken = structuredClone(LINKS_FRAMEWORK) as Record<string, unknown> & {
    capacities: Record<string, unknown>[];
  };
  broken.version = 'one';
  broken.capacities[1]!.name = 42;
  broken.capacities[2]!.id = 'Team Wellbeing';
  delete broken.capacities[3]!.description;
  broken.extra = true;
  const result = validateFramework(broken);
  assert.equal(result.ok, false);
  if (result.ok) return;
  const byPath = Object.fromEntries(result.errors.map((e) => [e.path, e.message]));
  assert.equal(byPath['version'], 'must be a version number like "1.0.0"');
  assert.equal(byPath['capacities[1].name'], 'must be text, not a whole number');
  assert.match(byPath['capacities[2].id'] ?? '', /lower-case id/);
  assert.equal(byPath['capacities[3].description'], 'is required');
  assert.equal(byPath[''], 'has an unknown field: "extra"');
  assert.match(formatIssues(result.errors), /^version: must be a version number/m);
});

test('duplicate capacity ids are refused', () => {
  const dup = structuredClone(LINKS_FRAMEWORK) as { capacities: { id: string }[] };
  dup.capacities[1]!.id = 'team-wellbeing';
  const result = validateFramework(dup);
  assert.ok(!result.ok);
  assert.deepEqual(result.errors, [
    {
      path: 'capacities',
      message: 'must not repeat an id: each capacity needs its own id',
      messageCode: 'unique-ids',
      params: { what: 'capacity' },
    },
  ]);
});

test('hostile input is refused before the schema sees it', () => {
  const hostile = JSON.parse('{"kind":"links.framework","__proto__":{"polluted":true}}');
  const result = validateFramework(hostile);
  assert.ok(!result.ok);
  assert.deepEqual(result.errors, [
    {
      path: '__proto__',
      message: 'uses the reserved key "__proto__", which is not allowed',
      messageCode: 'reserved-key',
      params: { key: '__proto__' },
    },
  ]);
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
  for (const input of [null, 'text', 42, [], { capacities: [NaN] }]) {
    const r = validateFramework(input);
    assert.equal(r.ok, false, `should refuse ${JSON.stringify(input)}`);
  }
});
