/**
 * GET/PUT/DELETE /api/v1/communities/{id|global}/layout — the effective layout (default merged
 * with the community's override). PUT and DELETE need the admin token or the community's token;
 * a PUT body is validated by the layout module's own schema and a 400 lists every path + message.
 */
import { Router } from 'express';
import { deleteLayoutOverride, getLayoutOverride, putLayoutOverride } from '../../storage/queries/layouts';
import { type EncodedBody, encodeBody } from '../../cache/encode';
import { requireManager } from '../access';
import type { ServerContext } from '../context';
import { HttpError, issuesOf } from '../errors';
import { sendEncoded } from '../send';

export function layoutRouter(ctx: ServerContext): Router {
  const router = Router();
  // Effective layouts by community: small, read on every dashboard load, changed only here.
  const effective = new Map<string, EncodedBody>();

  async function render(community: string): Promise<EncodedBody> {
    const hit = effective.get(community);
    if (hit) return hit;
    const override = await getLayoutOverride(ctx.db, community);
    const base = ctx.layouts.defaultFor(community);
    const layout = override === null ? base : ctx.layouts.merge(base, override);
    const body = await encodeBody(JSON.stringify({ community, overridden: override !== null, layout }));
    effective.set(community, body);
    return body;
  }

  router.get('/api/v1/communities/:community/layout', async (req, res) => {
    const community = await ctx.readableCommunity(req, req.params.community);
    sendEncoded(req, res, await render(community.id), {
      contentType: 'application/json',
      // Revalidate every time: an edit must show on the next load, and a 304 costs little.
      policy: { visibility: community.restricted ? 'private' : 'public', maxAgeSeconds: 0 },
    });
  });

  router.put('/api/v1/communities/:community/layout', async (req, res) => {
    const community = await ctx.community(req.params.community);
    requireManager(req, ctx.config, community);
    if (!req.is('application/json')) {
      throw new HttpError(415, 'unsupported_media_type', 'send the layout as application/json');
    }
    const parsed = ctx.layouts.overrideSchema.safeParse(req.body);
    if (!parsed.success) {
      const issues = issuesOf(parsed.error);
      throw new HttpError(400, 'invalid_layout', `the layout has ${issues.length} problem(s)`, issues[0]?.path || 'body', {
        issues,
      });
    }
    await putLayoutOverride(ctx.db, community.id, req.body);
    effective.delete(community.id);
    sendEncoded(req, res, await render(community.id), {
      contentType: 'application/json',
      policy: { visibility: 'private', maxAgeSeconds: 0 },
    });
  });

  router.delete('/api/v1/communities/:community/layout', async (req, res) => {
    const community = await ctx.community(req.params.community);
    requireManager(req, ctx.config, community);
    await deleteLayoutOverride(ctx.db, community.id);
    effective.delete(community.id);
    sendEncoded(req, res, await render(community.id), {
      contentType: 'application/json',
      policy: { visibility: 'private', maxAgeSeconds: 0 },
    });
  });
  return router;
}
