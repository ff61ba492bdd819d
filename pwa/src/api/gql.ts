/**
 * Tags a GraphQL document so that `just schema` (graphql-codegen) checks it against
 * schema.graphql and types it in graphql-types.ts. Interpolated values are fragment
 * definitions the document uses; each is sent once, after the operation.
 */
export function gql(strings: TemplateStringsArray, ...fragments: string[]): string {
  const body = strings.join('')
  const used = [...new Set(fragments)].filter((fragment) => !body.includes(fragment))
  return [body, ...used].join('\n')
}
