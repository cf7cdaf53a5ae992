// Element pages from packages/components/custom-elements.json: the model of
// each element, the completeness check that fails the docs build, and the
// page HTML (summary, description, live example, API tables).
import { posix } from 'node:path';
import { escapeHtml, inlineText, jsonForScript, layout, paragraphs, table } from './html.mjs';

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
        properties: (declaration.members ?? []).filter((m) => m.kind === 'field' && !m.static && !m.privacy && !m.name.startsWith('#')),
        methods: (declaration.members ?? []).filter((m) => m.kind === 'method' && !m.static && !m.privacy && !m.name.startsWith('#')),
        events: declaration.events ?? [],
        slots: declaration.slots ?? [],
        cssParts: declaration.cssParts ?? [],
        cssProperties: declaration.cssProperties ?? [],
      });
    }
  }
  return elements.sort((a, b) => a.tag.localeCompare(b.tag));
}

/** The site path of an element's page. */
export const elementPage = (tag) => `elements/${tag}.html`;

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
      if (!e.type?.text?.trim()) errors.push(`${at} event "${e.name}" has no detail type (write @fires {CustomEvent<Detail>} name - description)`);
    }
    for (const p of el.cssParts) if (!p.description?.trim()) errors.push(`${at} CSS part "${p.name}" has no description`);
    for (const p of el.cssProperties) if (!p.description?.trim()) errors.push(`${at} CSS custom property "${p.name}" has no description`);
    for (const p of el.properties) if (!p.description?.trim()) warnings.push(`${at} property "${p.name}" has no description`);
    for (const a of el.attributes) if (!a.description?.trim()) warnings.push(`${at} attribute "${a.name}" has no description`);
    for (const m of el.methods) if (!m.description?.trim()) warnings.push(`${at} method "${m.name}()" has no description`);
    for (const s of el.slots) if (!s.description?.trim()) warnings.push(`${at} slot "${s.name || '(default)'}" has no description`);
    const base = el.superclass;
    if (base?.module && !base.package && base.name !== 'LinksElement' && !known.has(base.module.replace(/^\.?\/?/, '/'))) {
      warnings.push(`${at} extends ${base.name} (${base.module}), which the manifest does not analyse: members it adds (e.g. properties) are missing from the manifest`);
    }
  }
  return { errors, warnings };
}

const code = (text) => (text ? `<code>${escapeHtml(text)}</code>` : '');
const desc = (text) => (text ? inlineText(text.replace(/\s*\n\s*/g, ' ')) : '<span class="secondary">Not documented.</span>');

function section(id, title, content) {
  return `<section aria-labelledby="${id}">\n<h2 id="${id}">${escapeHtml(title)}</h2>\n${content}\n</section>`;
}

function none(what) {
  return `<p class="none">This element has no ${escapeHtml(what)}.</p>`;
}

/** The markup of an element with the example's attributes. */
function elementMarkup(tag, attributes, content, children) {
  const attrs = Object.entries(attributes ?? {})
    .map(([name, value]) => (value === '' ? ` ${name}` : ` ${name}="${escapeHtml(value)}"`))
    .join('');
  const inner = children ? `\n  ${children}\n` : content ? escapeHtml(content) : '';
  return `<${tag} id="example-element"${attrs}>${inner}</${tag}>`;
}

/** The inline module script that sets the example's properties. */
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
  lines.push(`logEvents(element, ${JSON.stringify(el.events.map((e) => e.name))}, document.querySelector('#event-log'));`);
  if (example.setup) lines.push('', example.setup);
  return lines.join('\n');
}

/** The HTML page of one element. */
export function elementPageHtml(el, example, { bundle }) {
  const page = elementPage(el.tag);
  const bundleHref = `../assets/${bundle}`;
  const eventLogHref = '../assets/event-log.js';
  const sample = example ?? { attributes: {}, about: 'No sample data is set up for this element in the docs yet: it is shown with its defaults.' };
  const script = exampleScript(el, sample, bundleHref, eventLogHref);
  const data = sample.properties || sample.extra ? { properties: sample.properties ?? {}, extra: sample.extra ?? {} } : undefined;
  const markup = elementMarkup(el.tag, sample.attributes, sample.content, sample.children);
  const firstSentence = `<${el.tag}>`;

  const attributes = el.attributes.length
    ? table({
        caption: `Attributes of <${el.tag}>`,
        headers: ['Attribute', 'Property', 'Type', 'Default', 'Description'],
        rows: el.attributes.map((a) => [code(a.name), code(a.fieldName ?? ''), code(a.type?.text ?? ''), code(a.default ?? ''), desc(a.description)]),
      })
    : none('attributes');
  const properties = el.properties.length
    ? table({
        caption: `Properties of <${el.tag}>`,
        headers: ['Property', 'Attribute', 'Type', 'Default', 'Description'],
        rows: el.properties.map((p) => [
          code(p.name),
          p.attribute ? code(p.attribute) : '<span class="secondary">none</span>',
          code(p.type?.text ?? ''),
          code(p.default ?? ''),
          `${desc(p.description)}${p.readonly ? ' <strong>Read-only.</strong>' : ''}`,
        ]),
      })
    : none('public properties');
  const methods = el.methods.length
    ? section(
        'methods',
        'Methods',
        table({
          caption: `Methods of <${el.tag}>`,
          headers: ['Method', 'Returns', 'Description'],
          rows: el.methods.map((m) => [
            code(`${m.name}(${(m.parameters ?? []).map((p) => `${p.name}${p.type?.text ? `: ${p.type.text}` : ''}`).join(', ')})`),
            code(m.return?.type?.text ?? ''),
            desc(m.description),
          ]),
        }),
      )
    : '';
  const events = el.events.length
    ? table({
        caption: `Events fired by <${el.tag}> (bubbling and composed)`,
        headers: ['Event', 'Detail type', 'Description'],
        rows: el.events.map((e) => [code(e.name), code(detailType(e)), desc(e.description)]),
      })
    : none('events');
  const slots = el.slots.length
    ? table({
        caption: `Slots of <${el.tag}>`,
        headers: ['Slot', 'Description'],
        rows: el.slots.map((s) => [s.name ? code(s.name) : '(default)', desc(s.description)]),
      })
    : none('slots');
  const parts = el.cssParts.length
    ? table({
        caption: `CSS parts of <${el.tag}> (style with ::part(name))`,
        headers: ['Part', 'Description'],
        rows: el.cssParts.map((p) => [code(p.name), desc(p.description)]),
      })
    : none('CSS parts');
  const cssProperties = el.cssProperties.length
    ? table({
        caption: `CSS custom properties of <${el.tag}>`,
        headers: ['Custom property', 'Description'],
        rows: el.cssProperties.map((p) => [code(p.name), desc(p.description)]),
      })
    : none('CSS custom properties');

  const body = `<p class="breadcrumb"><a href="index.html">Elements</a></p>
<h1><code>${escapeHtml(firstSentence)}</code></h1>
<p class="lead">${inlineText(el.summary)}</p>
<div class="prose">
${paragraphs(el.description)}
</div>
<nav aria-label="On this page" class="on-this-page">
<ul>
<li><a href="#example">Live example</a></li>
<li><a href="#usage">Use it</a></li>
<li><a href="#attributes">Attributes</a></li>
<li><a href="#properties">Properties</a></li>
${el.methods.length ? '<li><a href="#methods">Methods</a></li>' : ''}
<li><a href="#events">Events</a></li>
<li><a href="#slots">Slots</a></li>
<li><a href="#css-parts">CSS parts</a></li>
<li><a href="#css-custom-properties">CSS custom properties</a></li>
</ul>
</nav>
${section(
  'example',
  'Live example',
  `<p>${escapeHtml(sample.about ?? '')}</p>
<div class="example" data-example="${escapeHtml(el.tag)}">
${markup}
</div>
<div class="event-log">
<h3 id="event-log-heading">Events fired</h3>
${el.events.length ? `<ol id="event-log" aria-labelledby="event-log-heading" aria-live="polite"></ol>
<p class="secondary">Use the element above: each <code>links-*</code> event it fires is listed here with the keys of its detail.</p>` : `<p id="event-log">This element fires no events.</p>`}
</div>
<h3>The code of this example</h3>
<pre tabindex="0"><code class="language-html">${escapeHtml(markup.replace(' id="example-element"', ''))}</code></pre>
<pre tabindex="0"><code class="language-js">${escapeHtml(script)}</code></pre>
${data ? `<p class="secondary">The properties are data made with core (see above), read from a JSON block in this page.</p>` : ''}`,
)}
${section(
  'usage',
  'Use it',
  `<p>Register this element only (with a bundler or an import map):</p>
<pre tabindex="0"><code class="language-js">import '${escapeHtml(el.importPath)}';</code></pre>
<p>Or load every element with the self-contained bundle, no build step: see the <a href="../guides/intranet.html">intranet page guide</a>.</p>
<p>The same module exports the class, <code>${escapeHtml(el.className)}</code>, and the types of its event details.</p>`,
)}
${section('attributes', 'Attributes', attributes)}
${section('properties', 'Properties', properties)}
${methods}
${section('events', 'Events', events)}
${section('slots', 'Slots', slots)}
${section('css-parts', 'CSS parts', parts)}
${section('css-custom-properties', 'CSS custom properties', cssProperties)}`;

  const scripts = `${data ? `<script type="application/json" id="example-data">${jsonForScript(data)}</script>\n` : ''}<script type="module">
${script}
</script>`;
  return layout({ page, title: `<${el.tag}>`, section: 'elements', body, scripts });
}

/** The list of every element. */
export function elementsIndexHtml(elements) {
  const items = elements
    .map((el) => `<li><a href="${escapeHtml(`${el.tag}.html`)}"><code>&lt;${escapeHtml(el.tag)}&gt;</code></a><p>${inlineText(el.summary)}</p></li>`)
    .join('\n');
  const body = `<h1>Elements</h1>
<p class="lead">Every <code>links-*</code> web component, from <code>custom-elements.json</code>. Each page has a live example with synthetic data and the element's attributes, properties, events, slots, CSS parts and custom properties.</p>
<ul class="card-list">
${items}
</ul>`;
  return layout({ page: 'elements/index.html', title: 'Elements', section: 'elements', body });
}

/** The browser module that lists an example's events (text only). */
export const EVENT_LOG_JS = `// Lists the links-* events an example element fires, with the keys of each detail.
export function logEvents(element, names, list) {
  if (!element || !list || list.tagName !== 'OL') return;
  for (const name of names) {
    element.addEventListener(name, (event) => {
      const item = document.createElement('li');
      const detail = event.detail && typeof event.detail === 'object' ? Object.keys(event.detail).join(', ') : '';
      const at = new Date().toLocaleTimeString('en-GB');
      item.textContent = name + (detail ? ' — detail: { ' + detail + ' }' : '') + ' at ' + at;
      list.prepend(item);
      while (list.children.length > 10) list.lastElementChild.remove();
    });
  }
}
`;
