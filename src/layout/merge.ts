/**
 * Community layout overrides. A site owner stores one override per community; the dashboard shows
 * the default merged with it.
 *
 * Two forms:
 * - **A full layout** (`{version: 1, tabs: [...]}`, `tabs` is an array) replaces the default outright.
 * - **A patch** (`{tabs: {remove?, replace?, add?, order?}}`) edits the default's tabs by id,
 *   applied in this order:
 *   1. `remove: ["usage"]` drops those tabs (unknown ids are ignored, so an old patch survives
 *      a default that no longer has the tab);
 *   2. `replace: [tab]` swaps the tab with the same id in place (an id the default lacks is appended);
 *   3. `add: [tab]` appends new tabs (an id that already exists is replaced in place: never two tabs
 *      with one id);
 *   4. `order: ["traffic", "content"]` puts those ids first, in that order; unlisted tabs follow in
 *      their previous order; unknown ids are ignored.
 *
 * The merged result is validated like any layout, so a patch can never produce a silent blank.
 *
 * @example
 * mergeLayout(defaultCommunityLayout, { tabs: { remove: ['usage'], order: ['traffic'] } })
 */
import { z } from 'zod';
import { LayoutSchema, TabSchema, type LayoutInput } from './schema';

type TabInput = LayoutInput['tabs'][number];

export const LayoutPatchSchema = z
  .object({
    version: z.literal(1).optional(),
    tabs: z
      .object({
        remove: z.array(z.string()).optional(),
        replace: z.array(TabSchema).optional(),
        add: z.array(TabSchema).optional(),
        order: z.array(z.string()).optional(),
      })
      .strict(),
  })
  .strict();
export type LayoutPatch = z.input<typeof LayoutPatchSchema>;
export type LayoutOverride = LayoutInput | LayoutPatch;

/** A patch is told apart from a full layout by its `tabs`: an object of operations, not an array. */
export function isLayoutPatch(value: unknown): value is LayoutPatch {
  return typeof value === 'object' && value !== null && 'tabs' in value && !Array.isArray((value as { tabs: unknown }).tabs);
}

/**
 * Validates an override (full layout or patch), reporting the issues of the form it looks like
 * rather than a vague "no union member matched". Used by the server for `PUT …/layout`.
 */
export const LayoutOverrideSchema = z.unknown().superRefine((value, ctx) => {
  const result = (isLayoutPatch(value) ? LayoutPatchSchema : LayoutSchema).safeParse(value);
  if (result.success) return;
  for (const issue of result.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
});

function upsert(tabs: TabInput[], tab: TabInput): TabInput[] {
  const at = tabs.findIndex((t) => t.id === tab.id);
  return at < 0 ? [...tabs, tab] : tabs.map((t, i) => (i === at ? tab : t));
}

/** Applies an override to a base layout (see the module comment for the semantics). */
export function mergeLayout(base: LayoutInput, override: LayoutOverride | null | undefined): LayoutInput {
  if (!override) return base;
  if (!isLayoutPatch(override)) return override;
  const { remove = [], replace = [], add = [], order = [] } = override.tabs;
  let tabs = base.tabs.filter((t) => !remove.includes(t.id));
  for (const tab of replace) tabs = upsert(tabs, tab);
  for (const tab of add) tabs = upsert(tabs, tab);
  const listed = order.flatMap((id) => tabs.filter((t) => t.id === id));
  tabs = [...listed, ...tabs.filter((t) => !order.includes(t.id))];
  return { ...base, tabs };
}
