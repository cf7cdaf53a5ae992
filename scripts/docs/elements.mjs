// Elements from packages/components/custom-elements.json: the model of each
// element, the completeness check that fails the docs build (no tool checks
// that every element documents its events, parts and custom properties), and
// what the element page template (site/elements/element.njk) shows.
import { posix } from 'node:path';

/**
 * Every custom element in the manifest, sorted by tag: its class declaration
 * plus where it is registered (for the import path).
 */
export function elementsFromManifest(manifest) {
  const definitions = new Map();
  for (const mod of manifest.modules ?? []) {
    for (const exp of mod.exports ?? []) {
      if (exp.kind === 'custom-element-definition') definitions.set(exp.name, mod.path);
    }
  }
  const elements = [];
  for (const mod of manifest.modules ?? []) {
    for (const declaration of mod.declarations ?? []) {
      if (!declaration.customElement && !declaration.tagName) continue;
      if (!declaration.tagName) continue;
      const registeredIn = definitions.get(declaration.tagName) ?? mod.path;
      const folder = posix.basename(posix.dirname(registeredIn));
      elements.push({
        tag: declaration.tagName,
        className: declaration.name,
        module: mod.path,
        importPath: `@links-approach/components/${folder}.js`,
        summary: declaration.summary ?? '',
        description: declaration.description ?? '',
        superclass: declaration.superclass,
        attributes: declaration.attributes ?? [],
        properties: (declaration.members ?? []).filter(
          (m) => m.kind === 'field' && !m.static && !m.privacy && !m.name.startsWith('#'),
        ),
        methods: (declaration.members ?? []).filter(
          (m) => m.kind === 'method' && !m.static && !m.privacy && !m.name.startsWith('#'),
        ),
        events: declaration.events ?? [],
        slots: declaration.slots ?? [],
        cssParts: declaration.cssParts ?? [],
        cssProperties: declaration.cssProperties ?? [],
      });
    }
  }
  return elements.sort((a, b) => a.tag.localeCompare(b.tag));
}

/** The detail type of an event, from its `CustomEvent<Detail>` type text. */
export function detailType(event) {
  const text = event.type?.text ?? '';
  const match = /^CustomEvent<(.+)>$/.exec(text.trim());
  return match ? match[1] : text;
}

/**
 * What the manifest lacks. `errors` fail the build (they keep
 * custom-elements.json complete): an element without a summary; an event
 * without a description or a detail type; a CSS part or custom property
 * without a description. `warnings` are listed: undocumented public
 * properties, attributes, methods and slots, and members a base class
 * outside the manifest may add.
 */
export function checkElements(elements, modules = []) {
  const errors = [];
  const warnings = [];
  const known = new Set(modules.map((m) => `/${m.path}`.replace(/\.ts$/, '.js')));
  for (const el of elements) {
    const at = `<${el.tag}> (${el.module})`;
    if (!el.summary.trim()) errors.push(`${at} has no @summary`);
    for (const e of el.events) {
      if (!e.description?.trim()) errors.push(`${at} event "${e.name}" has no description`);
      if (!e.type?.text?.trim())
        errors.push(
          `${at} event "${e.name}" has no detail type (write @fires {CustomEvent<Detail>} name - description)`,
        );
    }
    for (const p of el.cssParts)
      if (!p.description?.trim()) errors.push(`${at} CSS part "${p.name}" has no description`);
    for (const p of el.cssProperties)
      if (!p.description?.trim()) errors.push(`${at} CSS custom property "${p.name}" has no description`);
    for (const p of el.properties)
      if (!p.description?.trim()) warnings.push(`${at} property "${p.name}" has no description`);
    for (const a of el.attributes)
      if (!a.description?.trim()) warnings.push(`${at} attribute "${a.name}" has no description`);
    for (const m of el.methods)
      if (!m.description?.trim()) warnings.push(`${at} method "${m.name}()" has no description`);
    for (const s of el.slots)
      if (!s.description?.trim()) warnings.push(`${at} slot "${s.name || '(default)'}" has no description`);
    const base = el.superclass;
    if (
      base?.module &&
      !base.package &&
      base.name !== 'LinksElement' &&
      !known.has(base.module.replace(/^\.?\/?/, '/'))
    ) {
      warnings.push(
        `${at} extends ${base.name} (${base.module}), which the manifest does not analyse: members it adds (e.g. properties) are missing from the manifest`,
      );
    }
  }
  return { errors, warnings };
}

/** The example shown when examples.mjs has none for an element. */
const DEFAULT_EXAMPLE = {
  attributes: {},
  about: 'No sample data is set up for this element in the docs yet: it is shown with its defaults.',
};

/** The inline module script that sets the example's properties (shown on the page and run by it). */
function exampleScript(el, example, bundleHref, eventLogHref) {
  const hasData = example.properties || example.extra;
  const lines = [
    `import '${bundleHref}';`,
    `import { logEvents } from '${eventLogHref}';`,
    '',
    `const element = document.querySelector('#example-element');`,
  ];
  if (hasData) {
    lines.push(`const { properties, extra } = JSON.parse(document.querySelector('#example-data').textContent);`);
    if (example.properties) lines.push('Object.assign(element, properties);');
  }
  lines.push(
    `logEvents(element, ${JSON.stringify(el.events.map((e) => e.name))}, document.querySelector('#event-log'));`,
  );
  if (example.setup) lines.push('', example.setup);
  return lines.join('\n');
}

/**
 * What the element page template (site/elements/element.njk) shows for one
 * element: the manifest's model plus its live example (`example`), the
 * example's inline script and the JSON data it reads, each event's detail
 * type and each method's signature.
 */
export function elementView(el, example, { bundle }) {
  const sample = example ?? DEFAULT_EXAMPLE;
  return {
    ...el,
    example: { attributes: {}, ...sample },
    script: exampleScript(el, sample, `../assets/${bundle}`, '../assets/event-log.js'),
    data:
      sample.properties || sample.extra
        ? { properties: sample.properties ?? {}, extra: sample.extra ?? {} }
        : undefined,
    events: el.events.map((e) => ({ ...e, detailType: detailType(e) })),
    methods: el.methods.map((m) => ({
      ...m,
      signature: `${m.name}(${(m.parameters ?? []).map((p) => `${p.name}${p.type?.text ? `: ${p.type.text}` : ''}`).join(', ')})`,
    })),
  };
}
