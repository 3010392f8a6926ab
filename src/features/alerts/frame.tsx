import type { AlertRow } from '../../kernel/db/tables/alerts.js';
import type { FramePart } from '../../kernel/views/public/frame.js';
import { AlertBanners } from './public/banner.js';
import { activeAlerts } from './repo.js';

declare module '../../kernel/views/public/frame.js' {
  interface FrameExtras {
    /** The site's emergency notices in force when the page was rendered. */
    alerts: AlertRow[];
  }
}

/** An archived site is no longer kept up to date (issue 14): it shows no notices. */
export const alertFrame: FramePart = {
  load: async ({ db, site, now }) => ({ alerts: site.archivedAt ? [] : await activeAlerts(db, site.id, now) }),
  banner: (frame) => <AlertBanners alerts={frame.alerts ?? []} />,
};
