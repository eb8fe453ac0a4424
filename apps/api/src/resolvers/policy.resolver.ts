import type { FilterQuery } from '@mikro-orm/core';
import { searchWhere } from '../services/list-filters.js';
import { type Page, PageArgs, connectionOf, orderInputOf, pageFromDatabase } from './pagination.js';
import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Role } from '../auth/roles.js';
import { type Context, viewerOf } from '../context.js';
import { Policy } from '../entities/policy.entity.js';
import { PolicyVersion } from '../entities/policy-version.entity.js';
import { badInput, forbidden, notFound } from '../errors.js';
import { checkDate } from '../services/dates.js';
import { deleteRecord } from '../services/deletion.js';
import { ownRecord, lookupId } from '../services/records.js';
import { LONG_TEXT_MAX, SHORT_TEXT_MAX, optionalText, requiredText } from '../services/text.js';
import { checkVersion, flushOrConflict } from '../services/versioning.js';

/** Policy texts may be long documents. */
const POLICY_TEXT_MAX = 20 * LONG_TEXT_MAX;


const PolicyConnection = connectionOf(Policy, 'Policy', 'policy');
const PolicyOrder = orderInputOf('Policy', { TITLE: 'title', OWNER: 'owner', NEXT_REVIEW_ON: 'nextReviewOn' });

@InputType({ description: 'Narrows the policy list; every condition given must hold.' })
class PolicyFilter {
  @Field(() => String, { nullable: true, description: 'Words found in title, owner (case does not matter).' })
  search?: string | null;
}

@Resolver(() => Policy)
export class PolicyResolver {
  @Query(() => PolicyConnection, { description: 'Policies by title unless orderBy says otherwise, each with its versions, newest first.' })
  async policies(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => PolicyFilter, { nullable: true }) filter: PolicyFilter | null,
    @Arg('orderBy', () => PolicyOrder.OrderInput, { nullable: true }) orderBy: InstanceType<typeof PolicyOrder.OrderInput> | null,
    @Ctx() context: Context,
  ): Promise<Page<Policy>> {
    const { organisation } = viewerOf(context).membership;
    const where: FilterQuery<Policy> = {
      organisation,
      $and: searchWhere<Policy>(context.em, filter?.search, ['title', 'owner']),
    };
    return pageFromDatabase(context.em, Policy, where, PolicyOrder.orderMap(orderBy, { title: 'asc' }), page);
  }


  @FieldResolver(() => [PolicyVersion])
  async versions(@Root() policy: Policy): Promise<PolicyVersion[]> {
    return (await policy.versions.load({ dataloader: true })).getItems();
  }

  @FieldResolver(() => PolicyVersion, { nullable: true, description: 'The newest approved version: the one in force.' })
  async inForce(@Root() policy: Policy): Promise<PolicyVersion | null> {
    const versions = (await policy.versions.load({ dataloader: true })).getItems();
    return versions.find((version) => version.approvedOn !== null) ?? null;
  }
  @Mutation(() => Policy, { description: 'Creates a policy with its first, unapproved version.' })
  async createPolicy(
    @Arg('title', () => String) title: string,
    @Arg('text', () => String) text: string,
    @Ctx() context: Context,
    @Arg('owner', () => String, { nullable: true }) owner?: string | null,
  ): Promise<Policy> {
    const { membership } = viewerOf(context);
    const policy = context.em.create(Policy, { organisation: membership.organisation, title: requiredText('title', title, SHORT_TEXT_MAX), owner: optionalText('owner', owner, SHORT_TEXT_MAX) });
    context.em.create(PolicyVersion, { policy, number: 1, text: requiredText('text', text, POLICY_TEXT_MAX) });
    await context.em.flush();
    return policy;
  }
  @Mutation(() => Policy, { description: 'Adds a new, unapproved version of a policy; earlier versions stay as they were.' })
  async revisePolicy(
    @Arg('id', () => ID) id: string,
    @Arg('text', () => String) text: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Ctx() context: Context,
  ): Promise<Policy> {
    const policy = await this.ownPolicy(context, id);
    checkVersion(`Policy ${id}`, policy.version, expectedVersion);
    // Moving the newest number changes the policy row, so its version moves on too; two revisions
    // racing for the same number also meet the unique (policy, number) constraint.
    policy.latestVersionNumber += 1;
    context.em.create(PolicyVersion, { policy, number: policy.latestVersionNumber, text: requiredText('text', text, POLICY_TEXT_MAX) });
    await flushOrConflict(context.em, `Policy ${id}`);
    return policy;
  }
  @Mutation(() => Policy, { description: 'Approves the newest version of a policy and sets the next review date (A.2.4).' })
  async approvePolicy(
    @Arg('id', () => ID) id: string,
    @Arg('approvedBy', () => String) approvedBy: string,
    @Arg('approvedOn', () => String) approvedOn: string,
    @Arg('nextReviewOn', () => String) nextReviewOn: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Ctx() context: Context,
  ): Promise<Policy> {
    const policy = await this.ownPolicy(context, id);
    checkVersion(`Policy ${id}`, policy.version, expectedVersion);
    const newest = (await policy.versions.load()).getItems()[0];
    if (!newest) throw notFound('Version of policy', id);
    if (newest.approvedOn !== null) throw badInput('id', `version ${newest.number} of this policy is already approved; revise it first`);
    newest.approvedBy = requiredText('approvedBy', approvedBy, SHORT_TEXT_MAX);
    newest.approvedOn = checkDate('approvedOn', approvedOn);
    const review = checkDate('nextReviewOn', nextReviewOn);
    if (review <= newest.approvedOn) throw badInput('nextReviewOn', `must be after approvedOn (${newest.approvedOn}), got ${review}`);
    policy.nextReviewOn = review;
    await flushOrConflict(context.em, `Policy ${id}`);
    return policy;
  }
  @Query(() => Policy, { nullable: true })
  async policy(@Arg('id', () => ID) id: string, @Ctx() context: Context): Promise<Policy | null> {
    return ownRecord(context, Policy, id);
  }
  @Mutation(() => Boolean, {
    description: 'Deletes a policy with all its versions; one that has been approved only by an administrator. With expectedVersion, refused as a conflict when someone changed it since.',
  })
  async deletePolicy(
    @Arg('id', () => ID) id: string,
    @Ctx() context: Context,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number | null,
  ): Promise<boolean> {
    const { role } = viewerOf(context).membership;
    return deleteRecord(context, Policy, 'Policy', id, expectedVersion, {
      check: async (em, policy) => {
        // An approved policy is the organisation's direction (A.2.2): as with an approved impact assessment, only an administrator removes it.
        if (role !== Role.ADMIN && (await em.count(PolicyVersion, { policy, approvedOn: { $ne: null } })) > 0) {
          throw forbidden(`Your role (${role}) may not delete a policy that has been approved; it needs: ${Role.ADMIN}`);
        }
      },
      children: (em, policy) => em.find(PolicyVersion, { policy }),
    });
  }

  private async ownPolicy(context: Context, id: string): Promise<Policy> {
    const policy = await context.em.findOne(Policy, { id: lookupId(id), organisation: viewerOf(context).membership.organisation });
    if (!policy) throw notFound('Policy', id);
    return policy;
  }
}
