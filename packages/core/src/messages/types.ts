/**
 * Messages for people, as data: a stable code and its parameters. Core
 * writes codes; a renderer (a map from each code to a function of its
 * parameters) turns them into text. Core's English renderers live beside
 * these types (`messages/validation.ts`, `messages/refusals.ts`,
 * `messages/events.ts`); other languages register their own renderers for
 * the same codes, as zod renders its issues from `issue.code` through a
 * per-locale error map.
 */

/** A parameter value: plain data, so a message survives JSON and can be rendered in any language. */
export type MessageParam = string | number | boolean | readonly string[] | undefined;

/** A message's parameters, by name. */
export type MessageParams = Readonly<Record<string, MessageParam>>;

/** A message as data: what to say (`code`) and the values it names (`params`). */
export interface CodedMessage<C extends string = string, P extends MessageParams = MessageParams> {
  readonly code: C;
  readonly params: P;
}

/**
 * Renderers for a family of messages: one function per code, from the
 * code's parameters to text. `P` maps each code to its parameters' type.
 */
export type MessageRenderers<P extends object> = {
  readonly [C in keyof P]: (params: P[C]) => string;
};

/**
 * Renders a coded message with `renderers`, or returns `undefined` when they
 * have no renderer for the code (the caller then shows its fallback, such as
 * the English text core gave beside the code).
 */
export function renderWith(
  renderers: Readonly<Record<string, ((params: never) => string) | undefined>>,
  code: string,
  params: MessageParams | undefined,
): string | undefined {
  if (!Object.prototype.hasOwnProperty.call(renderers, code)) return undefined;
  const render = renderers[code] as ((params: MessageParams) => string) | undefined;
  return render ? render(params ?? {}) : undefined;
}

/** "a, b or c" (English): the last two joined by `or`. */
export function listOr(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
