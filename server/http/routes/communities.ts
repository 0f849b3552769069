/**
 * GET /api/v1/communities — every community the caller may see, with record counts and the
 * span of days with data. Restricted communities are listed only for the admin or their own token.
 */
import { Router } from 'express';
import type { Community } from '../../../src/api/schemas';
import { GLOBAL_COMMUNITY } from '../../storage/communities';
import { canManage, dashboardEnabled } from '../access';
import type { ServerContext } from '../context';
import { sendJson } from '../send';

export function communitiesRouter(ctx: ServerContext): Router {
  const router = Router();
  router.get('/api/v1/communities', async (req, res) => {
    const [rows, figures] = await Promise.all([ctx.communities(), ctx.figures()]);
    const visible = [GLOBAL_COMMUNITY, ...rows].filter((c) => !c.restricted || canManage(req, ctx.config, c));
    const communities: Community[] = visible.map((c) => {
      const f = figures.get(c.id);
      return {
        id: c.id,
        slug: c.slug,
        title: c.title,
        restricted: c.restricted,
        enabled: dashboardEnabled(ctx.config, c),
        records: f?.records ?? 0,
        firstDay: f?.firstDay ?? null,
        lastDay: f?.lastDay ?? null,
      };
    });
    await sendJson(req, res, { communities }, { policy: { visibility: 'private', maxAgeSeconds: 60 } });
  });
  return router;
}
