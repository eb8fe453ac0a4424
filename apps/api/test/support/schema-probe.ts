import { type GraphQLField, type GraphQLInputType, getNamedType, isEnumType, isInputObjectType, isLeafType, isListType, isNonNullType, isObjectType, isScalarType } from 'graphql';

/** A value of an input type that passes GraphQL validation: the smallest of each kind, required fields only. */
export function sampleValue(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sampleValue(type.ofType);
  if (isListType(type)) return [];
  if (isEnumType(type)) return type.getValues()[0]!.name;
  if (isScalarType(type)) {
    const samples: Record<string, unknown> = { String: 'x', ID: '00000000-0000-4000-8000-000000000000', Int: 1, Float: 1, Boolean: false, DateTimeISO: '2026-01-01T00:00:00.000Z' };
    return samples[type.name] ?? 'x';
  }
  if (isInputObjectType(type)) {
    return Object.fromEntries(Object.values(type.getFields()).filter((field) => isNonNullType(field.type)).map((field) => [field.name, sampleValue(field.type)]));
  }
  return null;
}

/** The smallest valid selection of a field's result: one leaf field (or `__typename`), nothing for a leaf result. */
export function leafSelection(field: GraphQLField<unknown, unknown>): string {
  const result = getNamedType(field.type);
  if (!isObjectType(result)) return '';
  const leaf = Object.values(result.getFields()).find((inner) => isLeafType(getNamedType(inner.type)) && inner.args.length === 0);
  return ` { ${leaf ? leaf.name : '__typename'} }`;
}
