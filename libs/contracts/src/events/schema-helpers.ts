import { Static, TObject, TUnion, Type } from '@sinclair/typebox';

/**
 * Every object in a contract refuses unknown properties: a producer that adds a field without a
 * new version (or leaks one, such as a citizen id) is caught at its own `encode`, not downstream.
 */
export const strict = { additionalProperties: false } as const;

/**
 * A closed set of strings as a JSON-schema `enum`: a wrong value is reported once as "must be
 * equal to one of the allowed values", instead of one "must be equal to constant" per member.
 */
export function Literals<const Values extends readonly [string, ...string[]]>(...values: Values) {
  return Type.Unsafe<Values[number]>({ type: 'string', enum: [...values] });
}

/**
 * A union told apart by one property (`oneOf` with an ajv `discriminator`): the error names the
 * field missing from the branch the tag selects, instead of the first failure of every branch.
 * Each variant must give the tag a `Type.Literal` and list it as required.
 */
export function TaggedUnion<const Variants extends [TObject, ...TObject[]]>(tag: string, variants: Variants) {
  return Type.Unsafe<Static<TUnion<Variants>>>({ type: 'object', discriminator: { propertyName: tag }, oneOf: variants });
}
