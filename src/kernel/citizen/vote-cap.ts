import type { Db } from '../db/connection.js';

/**
 * One vote per voter cookie; without a cookie a visitor is only the day's hash of address and
 * browser, which a script changes at will (five user agents were five votes). So the cookie-less
 * votes of one network address on one item are capped for the day (issue 16). Households and
 * offices share an address, hence three rather than one; anyone past that votes with the cookie
 * their first vote gave them.
 */
export const COOKIELESS_VOTES_PER_ADDRESS = 3;

/** What a visitor past the cap reads; `votes` says what was voted on ("lượt đánh giá bài viết này"). */
export const capReached = (votes: string) =>
  `Hôm nay đã có nhiều ${votes} từ cùng mạng với bạn nên lượt này không được tính. Vui lòng thử lại vào ngày mai.`;

export interface CapSlot {
  siteId: number;
  /** "a:<article id>" or "p:<poll id>". */
  item: string;
  /** VisitorKeys.addressOf: the salted daily address hash and its day. */
  address: string;
  day: string;
}

/**
 * Takes one of the day's cookie-less votes of the address on the item; false when none is left.
 * One statement (insert, or add one while below the cap), so simultaneous votes never get past
 * the cap on either database; run inside the vote's transaction, a vote that fails later gives
 * its slot back.
 */
export async function takeCookielessSlot(tx: Db, s: CapSlot, max = COOKIELESS_VOTES_PER_ADDRESS): Promise<boolean> {
  const r = await tx
    .insertInto('vote_caps')
    .values({ site_id: s.siteId, item: s.item, address: s.address, day: s.day, votes: 1 })
    .onConflict((oc) =>
      oc
        .columns(['site_id', 'item', 'address'])
        .doUpdateSet((eb) => ({ votes: eb('vote_caps.votes', '+', 1) }))
        .where('vote_caps.votes', '<', max),
    )
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Forgets the counts of days before `day` (the hashes mean nothing once their salt is gone). */
export async function purgeVoteCaps(db: Db, day: string): Promise<void> {
  // tenancy: a retention rule, applied to every site at once.
  await db.deleteFrom('vote_caps').where('day', '<', day).execute();
}
