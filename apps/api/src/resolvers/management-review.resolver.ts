import type { FilterQuery } from '@mikro-orm/core';
import { searchWhere } from '../services/list-filters.js';
import { type Page, PageArgs, connectionOf, orderInputOf, pageFromDatabase } from './pagination.js';
import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Mutation, Query, Resolver, Root, Int } from 'type-graphql';
import { type Context, viewerOf } from '../context.js';
import { ManagementReview } from '../entities/management-review.entity.js';
import { ReviewAction } from '../entities/review-action.entity.js';
import { badInput, notFound } from '../errors.js';
import { checkDate, isOverdue } from '../services/dates.js';
import { deleteRecord } from '../services/deletion.js';
import { notNull, required } from '../services/inputs.js';
import { ownRecord } from '../services/records.js';
import { LONG_TEXT_MAX, SHORT_TEXT_MAX, optionalText, requiredText } from '../services/text.js';
import { applyTrackedAction } from '../services/tracked-actions.js';
import { checkVersion, flushOrConflict } from '../services/versioning.js';
import { ManagementReviewInput, ReviewActionInput } from './management-review.input.js';

function applyReview(review: ManagementReview, input: ManagementReviewInput): void {
  const heldOn = notNull('heldOn', input.heldOn);
  if (heldOn !== undefined) review.heldOn = checkDate('heldOn', heldOn);
  if (input.attendees !== undefined) {
    const attendees = [...new Set((input.attendees ?? []).map((name) => name.trim()).filter(Boolean))];
    const tooLong = attendees.find((name) => name.length > SHORT_TEXT_MAX);
    if (tooLong) throw badInput('attendees', `names must be at most ${SHORT_TEXT_MAX} characters, got ${tooLong.length}`);
    review.attendees = attendees;
  }
  if (input.inputs !== undefined) review.inputs = optionalText('inputs', input.inputs, LONG_TEXT_MAX);
  if (input.decisions !== undefined) review.decisions = optionalText('decisions', input.decisions, LONG_TEXT_MAX);
}


const ManagementReviewConnection = connectionOf(ManagementReview, 'ManagementReview', 'management review');
const ManagementReviewOrder = orderInputOf('ManagementReview', { HELD_ON: 'heldOn' });

@InputType({ description: 'Narrows the management review list; every condition given must hold.' })
class ManagementReviewFilter {
  @Field(() => String, { nullable: true, description: 'Words found in attendees, inputs, decisions (case does not matter).' })
  search?: string | null;
}

@Resolver(() => ManagementReview)
export class ManagementReviewResolver {
  @Query(() => ManagementReviewConnection, { description: 'Management reviews, most recent first unless orderBy says otherwise, with their actions.' })
  async managementReviews(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => ManagementReviewFilter, { nullable: true }) filter: ManagementReviewFilter | null,
    @Arg('orderBy', () => ManagementReviewOrder.OrderInput, { nullable: true }) orderBy: InstanceType<typeof ManagementReviewOrder.OrderInput> | null,
    @Ctx() context: Context,
  ): Promise<Page<ManagementReview>> {
    const { organisation } = viewerOf(context).membership;
    const where: FilterQuery<ManagementReview> = {
      organisation,
      $and: searchWhere<ManagementReview>(context.em, filter?.search, ['attendees', 'inputs', 'decisions']),
    };
    return pageFromDatabase(context.em, ManagementReview, where, ManagementReviewOrder.orderMap(orderBy, { heldOn: 'desc' }), page);
  }


  @FieldResolver(() => [ReviewAction])
  async actions(@Root() review: ManagementReview): Promise<ReviewAction[]> {
    return (await review.actions.load({ dataloader: true })).getItems();
  }
  @Mutation(() => ManagementReview, { description: 'Records a management review (heldOn is required).' })
  async createManagementReview(@Arg('input', () => ManagementReviewInput) input: ManagementReviewInput, @Ctx() context: Context): Promise<ManagementReview> {
    const { membership } = viewerOf(context);
    const review = context.em.create(ManagementReview, { organisation: membership.organisation, heldOn: checkDate('heldOn', required('heldOn', input.heldOn)) });
    applyReview(review, input);
    await context.em.flush();
    return review;
  }
  @Mutation(() => ManagementReview)
  async updateManagementReview(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => ManagementReviewInput) input: ManagementReviewInput,
    @Ctx() context: Context,
  ): Promise<ManagementReview> {
    const review = await ownRecord(context, ManagementReview, id);
    if (!review) throw notFound('Management review', id);
    checkVersion(`Management review ${id}`, review.version, input.expectedVersion);
    applyReview(review, input);
    await flushOrConflict(context.em, `Management review ${id}`);
    return review;
  }
  @Mutation(() => ReviewAction, { description: 'Records an action decided in a review (description and dueDate are required).' })
  async addReviewAction(@Arg('reviewId', () => ID) reviewId: string, @Arg('input', () => ReviewActionInput) input: ReviewActionInput, @Ctx() context: Context): Promise<ReviewAction> {
    const { membership } = viewerOf(context);
    const review = await context.em.findOne(ManagementReview, { id: reviewId, organisation: membership.organisation });
    if (!review) throw notFound('Management review', reviewId);
    const action = context.em.create(ReviewAction, {
      organisation: membership.organisation,
      review,
      description: requiredText('description', required('description', input.description), LONG_TEXT_MAX),
      dueDate: checkDate('dueDate', required('dueDate', input.dueDate)),
    });
    applyTrackedAction(action, input);
    await context.em.flush();
    return action;
  }
  @Mutation(() => ReviewAction)
  async updateReviewAction(@Arg('id', () => ID) id: string, @Arg('input', () => ReviewActionInput) input: ReviewActionInput, @Ctx() context: Context): Promise<ReviewAction> {
    const action = await ownRecord(context, ReviewAction, id);
    if (!action) throw notFound('Review action', id);
    checkVersion(`Review action ${id}`, action.version, input.expectedVersion);
    applyTrackedAction(action, input);
    await flushOrConflict(context.em, `Review action ${id}`);
    return action;
  }
  @Query(() => ManagementReview, { nullable: true })
  async managementReview(@Arg('id', () => ID) id: string, @Ctx() context: Context): Promise<ManagementReview | null> {
    return ownRecord(context, ManagementReview, id);
  }
  @Mutation(() => Boolean, { description: 'Deletes a management review with the actions it decided. With expectedVersion, refused as a conflict when someone changed it since.' })
  async deleteManagementReview(
    @Arg('id', () => ID) id: string,
    @Ctx() context: Context,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number | null,
  ): Promise<boolean> {
    return deleteRecord(context, ManagementReview, 'Management review', id, expectedVersion, {
      children: (em, review) => em.find(ReviewAction, { review }),
    });
  }
  @Mutation(() => Boolean, { description: 'Deletes an action of a management review. With expectedVersion, refused as a conflict when someone changed it since.' })
  async deleteReviewAction(
    @Arg('id', () => ID) id: string,
    @Ctx() context: Context,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number | null,
  ): Promise<boolean> {
    return deleteRecord(context, ReviewAction, 'Review action', id, expectedVersion);
  }
}

@Resolver(() => ReviewAction)
export class ReviewActionResolver {
  @FieldResolver(() => Boolean, { description: 'Not completed and past its due date on the day of the request.' })
  overdue(@Root() action: ReviewAction): boolean {
    return isOverdue(action.dueDate, action.completedOn);
  }
}
