import type { Feature } from '../kernel/feature.js';
import { albums } from './albums/feature.js';
import { alerts } from './alerts/feature.js';
import { articles } from './articles/feature.js';
import { backOffice } from './back-office/feature.js';
import { budget } from './budget/feature.js';
import { citizenReception } from './citizen-reception/feature.js';
import { comments } from './comments/feature.js';
import { consultation } from './consultation/feature.js';
import { disclosure } from './disclosure/feature.js';
import { documents } from './documents/feature.js';
import { hotlines } from './hotlines/feature.js';
import { legalDissemination } from './legal-dissemination/feature.js';
import { media } from './media/feature.js';
import { merge } from './merge/feature.js';
import { openData } from './open-data/feature.js';
import { organisation } from './organisation/feature.js';
import { pages } from './pages/feature.js';
import { plans } from './plans/feature.js';
import { polls } from './polls/feature.js';
import { procedures } from './procedures/feature.js';
import { projects } from './projects/feature.js';
import { publicInformation } from './public-information/feature.js';
import { questions } from './questions/feature.js';
import { ratings } from './ratings/feature.js';
import { recruitment } from './recruitment/feature.js';
import { redirects } from './redirects/feature.js';
import { schedule } from './schedule/feature.js';
import { search } from './search/feature.js';
import { siteMap } from './site-map/feature.js';
import { sites } from './sites/feature.js';
import { spokesperson } from './spokesperson/feature.js';
import { stats } from './stats/feature.js';
import { video } from './video/feature.js';

/**
 * Every feature of the portal, explicitly (no file globbing). Routes, the back-office menu, the
 * public sections, the sitemap, the search groups, the frame of every page and the demo content
 * are derived from this list. The order is the order of registration and of demo seeding
 * (a menu seeded by `sites` points at the categories and pages seeded before it); menus and
 * groups carry their own `order`.
 */
export const features: readonly Feature[] = [
  backOffice,
  articles,
  pages,
  sites,
  media,
  comments,
  ratings,
  search,
  stats,
  documents,
  questions,
  schedule,
  polls,
  consultation,
  procedures,
  organisation,
  redirects,
  merge,
  siteMap,
  openData,
  alerts,
  disclosure,
  hotlines,
  publicInformation,
  citizenReception,
  spokesperson,
  recruitment,
  legalDissemination,
  budget,
  plans,
  projects,
  albums,
  video,
];
