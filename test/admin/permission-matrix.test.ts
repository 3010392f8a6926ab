import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Actor } from '../../src/kernel/access/actor.js';
import { articlePolicy } from '../../src/features/articles/policy.js';
import type { ArticleStatus, Role } from '../../src/kernel/db/schema.js';

/**
 * Every role × every transition × own/other's article × this/another site, against the rules
 * written out independently here.
 */
const SITE = 1;
const OTHER_SITE = 2;
const ME = 10;
const SOMEONE = 20;
const STATUSES: ArticleStatus[] = ['draft', 'submitted', 'scheduled', 'published', 'returned', 'unpublished'];
const ROLES: (Role | 'system')[] = ['system', 'site_admin', 'approver', 'editor', 'contributor', 'moderator'];

function actor(role: Role | 'system', site = SITE): Actor {
  return {
    userId: ME, displayName: 'x', email: 'x@x', totpEnabled: false,
    isSystemAdmin: role === 'system',
    rolesBySite: role === 'system' ? new Map() : new Map([[site, new Set([role])]]),
  };
}

const approverLike = (r: string) => r === 'system' || r === 'site_admin' || r === 'approver';
const editorLike = (r: string) => approverLike(r) || r === 'editor';

function expected(action: string, role: string, status: ArticleStatus, own: boolean, twoPerson: boolean): boolean {
  switch (action) {
    case 'edit':
      return editorLike(role) || (role === 'contributor' && own && (status === 'draft' || status === 'returned'));
    case 'submit':
      return ['draft', 'returned', 'unpublished'].includes(status) && (editorLike(role) || (role === 'contributor' && own));
    case 'publish':
      return approverLike(role) && status !== 'published' && !(twoPerson && own);
    case 'return':
      return approverLike(role) && (status === 'submitted' || status === 'scheduled');
    case 'unpublish':
      return approverLike(role) && (status === 'published' || status === 'scheduled');
    default:
      throw new Error(action);
  }
}

function actual(action: string, a: Actor, art: Parameters<typeof articlePolicy.edit>[1], twoPerson: boolean): boolean {
  switch (action) {
    case 'edit': return articlePolicy.edit(a, art);
    case 'submit': return articlePolicy.submit(a, art);
    case 'publish': return articlePolicy.publish(a, art, { twoPersonRule: twoPerson }, []);
    case 'return': return articlePolicy.returnToAuthor(a, art);
    case 'unpublish': return articlePolicy.unpublish(a, art);
    default: throw new Error(action);
  }
}

test('the article permission matrix', () => {
  let checked = 0;
  for (const role of ROLES) {
    for (const action of ['edit', 'submit', 'publish', 'return', 'unpublish']) {
      for (const status of STATUSES) {
        for (const own of [true, false]) {
          for (const twoPerson of [false, true]) {
            const art = { site_id: SITE, status, created_by: own ? ME : SOMEONE, updated_by: own ? ME : SOMEONE };
            const want = expected(action, role, status, own, twoPerson);
            assert.equal(actual(action, actor(role), art, twoPerson), want, `${role} ${action} ${status} ${own ? 'own' : "other's"} 2p=${twoPerson}`);
            // The same role held on another site grants nothing here (system admins hold every site).
            if (role !== 'system') {
              assert.equal(actual(action, actor(role, OTHER_SITE), art, twoPerson), false, `${role}@other ${action} ${status}`);
            }
            checked++;
          }
        }
      }
    }
  }
  assert.equal(checked, ROLES.length * 5 * STATUSES.length * 2 * 2);
});

test('two-person rule: the last editor cannot publish either', () => {
  const art = { site_id: SITE, status: 'submitted' as const, created_by: SOMEONE, updated_by: ME };
  assert.equal(articlePolicy.publish(actor('approver'), art, { twoPersonRule: true }, []), false);
  assert.equal(articlePolicy.publish(actor('approver'), art, { twoPersonRule: false }, []), true);
});

test('moderators and people without roles do not write articles', () => {
  for (const a of [actor('moderator'), { ...actor('editor'), rolesBySite: new Map() }]) {
    assert.equal(articlePolicy.create(a, SITE), false);
    assert.equal(articlePolicy.list(a, SITE), false);
  }
});
