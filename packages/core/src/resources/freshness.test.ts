import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeFreshness, monthsBetween, resourceFreshness, STALE_AFTER_MONTHS } from '../test-all.js';

describe('freshness of a listing', () => {
  test('"last reviewed 14 months ago" is flagged stale', () => {
    assert.deepEqual(describeFreshness('2023-01-10', '2024-03-20'), {
      months: 14,
      stale: true,
      known: true,
      basis: 'reviewed',
      date: '2023-01-10',
      text: 'last reviewed 14 months ago',
    });
  });

  test('the threshold is 12 whole months by default, and can be changed', () => {
    assert.equal(STALE_AFTER_MONTHS, 12);
    const elevenish = describeFreshness('2023-03-21', '2024-03-20');
    assert.equal(elevenish.months, 11);
    assert.equal(elevenish.stale, false);
    const twelve = describeFreshness('2023-03-20', '2024-03-20');
    assert.equal(twelve.months, 12);
    assert.equal(twelve.stale, true);
    assert.equal(describeFreshness('2023-10-20', '2024-03-20', { staleAfterMonths: 3 }).stale, true);
  });

  test('recent, singular and future dates read naturally', () => {
    assert.equal(describeFreshness('2024-03-01T10:00:00Z', '2024-03-20').text, 'last reviewed less than a month ago');
    assert.equal(describeFreshness('2024-02-10', '2024-03-20').text, 'last reviewed 1 month ago');
    const future = describeFreshness('2024-05-01', '2024-03-20');
    assert.equal(future.months, 0);
    assert.equal(future.stale, false);
  });

  test('an unknown or unreadable date is flagged, since nobody can vouch for the listing', () => {
    for (const value of [undefined, null, '', 'last spring']) {
      const f = describeFreshness(value, '2024-03-20');
      assert.equal(f.known, false);
      assert.equal(f.stale, true);
      assert.equal(f.text, 'review date not known');
      assert.equal(f.months, undefined);
    }
  });

  test('whole calendar months in UTC', () => {
    assert.equal(monthsBetween(new Date('2024-01-31T00:00:00Z'), new Date('2024-02-29T00:00:00Z')), 0);
    assert.equal(monthsBetween(new Date('2024-01-15T00:00:00Z'), new Date('2024-03-14T00:00:00Z')), 1);
    assert.equal(monthsBetween(new Date('2024-01-15T00:00:00Z'), new Date('2024-03-15T00:00:00Z')), 2);
  });

  test('a resource without a review date falls back to its last update, and says so', () => {
    const provenance = { lastUpdated: '2023-01-05T12:00:00.000Z' };
    const f = resourceFreshness({ provenance } as never, '2024-03-20');
    assert.equal(f.basis, 'updated');
    assert.equal(f.text, 'last updated 14 months ago');
    assert.equal(f.stale, true);
    const reviewed = resourceFreshness(
      { provenance: { lastReviewed: '2024-01-01', lastUpdated: '2020-01-01' } } as never,
      '2024-03-20',
    );
    assert.equal(reviewed.text, 'last reviewed 2 months ago');
  });
});
