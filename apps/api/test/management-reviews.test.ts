import { describe, expect, it } from 'vitest';
import { DEMO_REVIEW } from '../src/seed/demo.js';
import { useDemoApi } from './support/api.js';
import { testDatabases } from './support/databases.js';

const databases = await testDatabases();

describe.each(databases.available)('management reviews on $name', (database) => {
  const demo = useDemoApi(database);

  it('shows the seeded review with the status of its actions', async () => {
    const result = await demo.api.graphql<{ managementReviews: { nodes: { heldOn: string; attendees: string[]; actions: { completedOn: string | null; overdue: boolean }[] }[] } }>(
      `{ managementReviews { nodes { heldOn attendees actions { completedOn overdue } } } }`,
      {},
      demo.executive,
    );
    const review = result.data?.managementReviews.nodes[0];
    expect(review).toMatchObject({ heldOn: DEMO_REVIEW.heldOn, attendees: DEMO_REVIEW.attendees });
    // The first action was done early; the second (due 2026-10-31) is open and so overdue after that day.
    expect(review?.actions).toEqual([
      { completedOn: '2026-09-12', overdue: false },
      { completedOn: null, overdue: new Date().toISOString().slice(0, 10) > '2026-10-31' },
    ]);
  });

  it('records a review with attendees, decisions and an action, de-duplicating names', async () => {
    const created = await demo.api.graphql<{ createManagementReview: { id: string; attendees: string[] } }>(
      `mutation { createManagementReview(input: { heldOn: "2026-12-10", attendees: ["Chief Executive", " Chief Executive ", "Chief Risk Officer", ""], decisions: "Approve the Stage 1 date." }) { id attendees } }`,
      {},
      demo.admin,
    );
    expect(created.data?.createManagementReview.attendees).toEqual(['Chief Executive', 'Chief Risk Officer']);
    const action = await demo.api.graphql<{ addReviewAction: { dueDate: string; version: number } }>(
      `mutation($id: ID!) { addReviewAction(reviewId: $id, input: { description: "Book the Stage 1 audit.", dueDate: "2027-01-15", owner: "AI Governance Officer" }) { dueDate version } }`,
      { id: created.data?.createManagementReview.id },
      demo.admin,
    );
    expect(action.data?.addReviewAction).toEqual({ dueDate: '2027-01-15', version: 1 });
  });

  it.each([
    [`mutation { createManagementReview(input: { attendees: ["x"] }) { id } }`, 'heldOn', 'heldOn is required'],
    [`mutation { createManagementReview(input: { heldOn: "yesterday" }) { id } }`, 'heldOn', 'heldOn must be a date as YYYY-MM-DD, got "yesterday"'],
  ])('rejects %s naming the field', async (query, field, message) => {
    const result = await demo.api.graphql(query, {}, demo.admin);
    expect(result.errors?.[0]).toMatchObject({ message, extensions: { code: 'BAD_USER_INPUT', field } });
  });

  it('keeps the executive read-only', async () => {
    const result = await demo.api.graphql(`mutation { createManagementReview(input: { heldOn: "2027-01-01" }) { id } }`, {}, demo.executive);
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
