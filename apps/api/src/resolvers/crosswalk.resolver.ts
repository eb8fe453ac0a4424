import { type CrosswalkLink, type Framework, crosswalk } from '@assay/schema';
import { Arg, Field, ObjectType, Query, Resolver, registerEnumType } from 'type-graphql';
import { badInput } from '../errors.js';

export const FrameworkEnum = {
  ISO42001: 'iso42001',
  ISO27001: 'iso27001',
  ISO9001: 'iso9001',
  EU_AI_ACT: 'eu-ai-act',
  NIST_AI_RMF: 'nist-ai-rmf',
} as const satisfies Record<string, Framework>;
registerEnumType(FrameworkEnum, { name: 'Framework', description: 'A standard, regulation or framework of the crosswalk.' });

@ObjectType({ description: 'One end of a crosswalk link: a requirement of one framework.' })
export class CrosswalkEndView {
  @Field(() => FrameworkEnum)
  framework!: Framework;

  @Field(() => String, { description: 'e.g. A.6.2.4, 6.1.2, A.5.1, Art 27, MAP 1.6.' })
  ref!: string;
}

@ObjectType({ description: 'A link between requirements of two frameworks, with where it comes from.' })
export class CrosswalkLinkView {
  @Field(() => CrosswalkEndView)
  from!: CrosswalkEndView;

  @Field(() => CrosswalkEndView)
  to!: CrosswalkEndView;

  @Field(() => String, { description: 'published (from a named mapping) or proposed (by Assay, for the organisation to review).' })
  basis!: 'published' | 'proposed';

  @Field(() => String, { nullable: true, description: 'The published mapping a link comes from.' })
  source!: string | null;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => String, { nullable: true, description: 'For two frameworks other than ISO/IEC 42001: the 42001 requirement both ends map to.' })
  via!: string | null;
}

function view(from: CrosswalkEndView, to: CrosswalkEndView, link: Pick<CrosswalkLink, 'basis' | 'source' | 'note'>, via: string | null): CrosswalkLinkView {
  return Object.assign(new CrosswalkLinkView(), { from: { ...from }, to: { ...to }, basis: link.basis, source: link.source, note: link.note, via });
}

/**
 * The links between two frameworks. The catalogue holds links from ISO/IEC 42001 to the others;
 * the reverse direction turns them round, and two other frameworks meet through the 42001
 * requirement they share — such a derived link is only ever `proposed`.
 */
export function crosswalkBetween(from: Framework, to: Framework): CrosswalkLinkView[] {
  if (from === 'iso42001') return crosswalk.filter((link) => link.to.framework === to).map((link) => view(link.from, link.to, link, null));
  if (to === 'iso42001') return crosswalk.filter((link) => link.to.framework === from).map((link) => view(link.to, link.from, link, null));
  const links: CrosswalkLinkView[] = [];
  const seen = new Set<string>();
  for (const left of crosswalk.filter((link) => link.to.framework === from)) {
    for (const right of crosswalk.filter((link) => link.to.framework === to && link.from.ref === left.from.ref)) {
      const key = `${left.to.ref}→${right.to.ref}`;
      if (seen.has(key)) continue;
      seen.add(key);
      links.push(view(left.to, right.to, { basis: 'proposed', source: null, note: null }, left.from.ref));
    }
  }
  return links;
}

@Resolver()
export class CrosswalkResolver {
  @Query(() => [CrosswalkLinkView], { description: 'The links between two frameworks, e.g. from ISO27001 to ISO42001; each says whether it is published (with its source) or proposed.' })
  crosswalk(@Arg('from', () => FrameworkEnum) from: Framework, @Arg('to', () => FrameworkEnum) to: Framework): CrosswalkLinkView[] {
    if (from === to) throw badInput('to', `must differ from from (${from})`);
    return crosswalkBetween(from, to);
  }
}
