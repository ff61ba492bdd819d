// Article editing for admins through GraphQL (createArticle / updateArticle / publishArticle).
// Published versions are immutable on the server: saving a published article opens the next
// version as a draft; staff keep seeing the published one until it is published.
import type { GraphQLClient } from '@/api/client'
import { gql } from '@/api/gql'
import type {
  AdminArticleFieldsFragment,
  AdminArticleListQuery,
  AdminArticleQuery,
  ArticleInput,
  CreateArticleMutation,
  PublishArticleMutation,
  UpdateArticleMutation,
} from '@/api/graphql-types'

export type EditableArticle = AdminArticleFieldsFragment
export type ArticleListItem = AdminArticleListQuery['knowledgeArticles'][number]
export type { ArticleInput }

export const CATEGORIES = ['缴存', '提取', '贷款', '转移', '其他'] as const
export const MAX_TITLE = 200
export const MAX_TAGS = 20
export const MAX_TAG = 30
export const LIST_SIZE = 100

const ARTICLE_FIELDS = gql`
  fragment AdminArticleFields on Article {
    id
    slug
    version
    status
    title
    body
    category
    tags
    policyRefs
    effectiveDate
    changeNote
    updatedAt
    publishedAt
    publishedVersion
    versions {
      version
      status
      title
      effectiveDate
      changeNote
      publishedAt
    }
  }
`

const LIST = gql`
  query AdminArticleList($category: String, $first: Int) {
    knowledgeArticles(category: $category, first: $first) {
      id
      slug
      version
      status
      title
      category
      effectiveDate
      updatedAt
    }
  }
`

const ARTICLE = gql`
  query AdminArticle($id: ID!, $version: Int) {
    article(id: $id, version: $version) {
      ...AdminArticleFields
    }
  }
  ${ARTICLE_FIELDS}
`

const CREATE = gql`
  mutation CreateArticle($input: ArticleInput!) {
    createArticle(input: $input) {
      ...AdminArticleFields
    }
  }
  ${ARTICLE_FIELDS}
`

const UPDATE = gql`
  mutation UpdateArticle($id: ID!, $input: ArticleInput!) {
    updateArticle(id: $id, input: $input) {
      ...AdminArticleFields
    }
  }
  ${ARTICLE_FIELDS}
`

const PUBLISH = gql`
  mutation PublishArticle($id: ID!) {
    publishArticle(id: $id) {
      ...AdminArticleFields
    }
  }
  ${ARTICLE_FIELDS}
`

export async function listArticles(
  client: GraphQLClient,
  category: string | null,
): Promise<ArticleListItem[]> {
  const data = await client.request<AdminArticleListQuery>(LIST, { category, first: LIST_SIZE })
  return data.knowledgeArticles
}

/** The latest version (a draft when one is open), or the given one as it was. */
export async function loadArticle(
  client: GraphQLClient,
  id: string,
  version: number | null = null,
): Promise<EditableArticle> {
  return (await client.request<AdminArticleQuery>(ARTICLE, { id, version })).article
}

export async function saveArticle(
  client: GraphQLClient,
  id: string | null,
  input: ArticleInput,
): Promise<EditableArticle> {
  if (id === null) {
    return (await client.request<CreateArticleMutation>(CREATE, { input })).createArticle
  }
  return (await client.request<UpdateArticleMutation>(UPDATE, { id, input })).updateArticle
}

export async function publishArticle(client: GraphQLClient, id: string): Promise<EditableArticle> {
  return (await client.request<PublishArticleMutation>(PUBLISH, { id })).publishArticle
}
