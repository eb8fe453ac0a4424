import { GraphQLError, Kind, type ASTVisitor, type FragmentDefinitionNode, type SelectionSetNode, type ValidationContext } from 'graphql';

/** The deepest nesting of fields an operation may ask for (the dashboard's deepest query uses 5). */
export const MAX_QUERY_DEPTH = 10;
/** How many fields, aliases included, one operation may select in all. */
export const MAX_QUERY_FIELDS = 2000;

function depthOf(selectionSet: SelectionSetNode | undefined, fragments: Record<string, FragmentDefinitionNode>, seen: Set<string>): { depth: number; fields: number } {
  if (!selectionSet) return { depth: 0, fields: 0 };
  let depth = 0;
  let fields = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const inner = depthOf(selection.selectionSet, fragments, seen);
      depth = Math.max(depth, 1 + inner.depth);
      fields += 1 + inner.fields;
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const inner = depthOf(selection.selectionSet, fragments, seen);
      depth = Math.max(depth, inner.depth);
      fields += inner.fields;
    } else {
      const name = selection.name.value;
      // A fragment spread inside itself is a cycle, which GraphQL's own rules reject.
      if (seen.has(name)) continue;
      const inner = depthOf(fragments[name]?.selectionSet, fragments, new Set([...seen, name]));
      depth = Math.max(depth, inner.depth);
      fields += inner.fields;
    }
  }
  return { depth, fields };
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
      const { depth, fields } = depthOf(node.selectionSet, fragments, new Set());
      if (depth > MAX_QUERY_DEPTH) {
        context.reportError(new GraphQLError(`The query is nested ${depth} levels deep; at most ${MAX_QUERY_DEPTH} are allowed`, { nodes: [node], extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }));
      }
      if (fields > MAX_QUERY_FIELDS) {
        context.reportError(new GraphQLError(`The query selects ${fields} fields; at most ${MAX_QUERY_FIELDS} are allowed`, { nodes: [node], extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }));
      }
    },
  };
}
