import { GraphQLError, Kind, type ASTVisitor, type FragmentDefinitionNode, type SelectionSetNode, type ValidationContext } from 'graphql';

/** The deepest nesting of fields an operation may ask for (the dashboard's deepest query uses 5). */
export const MAX_QUERY_DEPTH = 10;
/** How many fields, aliases included, one operation may select in all. */
export const MAX_QUERY_FIELDS = 2000;
/**
 * Introspection (`__schema`, `__type`) is answered from the schema in memory and its standard
 * query, which GraphiQL sends, walks type references about 13 levels deep: it has a limit of its own.
 */
export const MAX_INTROSPECTION_DEPTH = 20;
const INTROSPECTION_ROOTS = new Set(['__schema', '__type']);

interface Measure {
  depth: number;
  fields: number;
  /** The deepest introspection field, counted apart from `depth`. */
  introspectionDepth: number;
}

function depthOf(selectionSet: SelectionSetNode | undefined, fragments: Record<string, FragmentDefinitionNode>, seen: Set<string>, root = false): Measure {
  if (!selectionSet) return { depth: 0, fields: 0, introspectionDepth: 0 };
  let depth = 0;
  let fields = 0;
  let introspectionDepth = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const inner = depthOf(selection.selectionSet, fragments, seen);
      if (root && INTROSPECTION_ROOTS.has(selection.name.value)) introspectionDepth = Math.max(introspectionDepth, 1 + inner.depth);
      else depth = Math.max(depth, 1 + inner.depth);
      introspectionDepth = Math.max(introspectionDepth, inner.introspectionDepth);
      fields += 1 + inner.fields;
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const inner = depthOf(selection.selectionSet, fragments, seen, root);
      depth = Math.max(depth, inner.depth);
      introspectionDepth = Math.max(introspectionDepth, inner.introspectionDepth);
      fields += inner.fields;
    } else {
      const name = selection.name.value;
      // A fragment spread inside itself is a cycle, which GraphQL's own rules reject.
      if (seen.has(name)) continue;
      const inner = depthOf(fragments[name]?.selectionSet, fragments, new Set([...seen, name]), root);
      depth = Math.max(depth, inner.depth);
      introspectionDepth = Math.max(introspectionDepth, inner.introspectionDepth);
      fields += inner.fields;
    }
  }
  return { depth, fields, introspectionDepth };
}

/**
 * A validation rule refusing operations nested deeper than MAX_QUERY_DEPTH or selecting more than
 * MAX_QUERY_FIELDS fields: such queries can only be abuse, and they are refused before any
 * resolver runs.
 */
export function queryLimits(context: ValidationContext): ASTVisitor {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of context.getDocument().definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  return {
    OperationDefinition(node) {
      const { depth, fields, introspectionDepth } = depthOf(node.selectionSet, fragments, new Set(), true);
      if (introspectionDepth > MAX_INTROSPECTION_DEPTH) {
        context.reportError(new GraphQLError(`The introspection query is nested ${introspectionDepth} levels deep; at most ${MAX_INTROSPECTION_DEPTH} are allowed`, { nodes: [node], extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }));
      }
      if (depth > MAX_QUERY_DEPTH) {
        context.reportError(new GraphQLError(`The query is nested ${depth} levels deep; at most ${MAX_QUERY_DEPTH} are allowed`, { nodes: [node], extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }));
      }
      if (fields > MAX_QUERY_FIELDS) {
        context.reportError(new GraphQLError(`The query selects ${fields} fields; at most ${MAX_QUERY_FIELDS} are allowed`, { nodes: [node], extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }));
      }
    },
  };
}
