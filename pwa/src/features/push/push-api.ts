// The three GraphQL operations of Web Push (schema.graphql; backend/notifications/README.md).
import type { GraphQLClient } from '@/api/client'

import type { SubscriptionArgs } from './push-keys'

const VAPID_PUBLIC_KEY = `query VapidPublicKey { vapidPublicKey }`
const REGISTER = `mutation RegisterPushSubscription($endpoint: String!, $p256dh: String!, $auth: String!) { registerPushSubscription(endpoint: $endpoint, p256dh: $p256dh, auth: $auth) { id } }`
const UNREGISTER = `mutation UnregisterPushSubscription($endpoint: String!) { unregisterPushSubscription(endpoint: $endpoint) }`

export async function fetchVapidPublicKey(client: GraphQLClient): Promise<string> {
  const data = await client.request<{ vapidPublicKey: string }>(
    VAPID_PUBLIC_KEY,
    {},
    { auth: false },
  )
  return data.vapidPublicKey
}

export async function registerSubscription(
  client: GraphQLClient,
  args: SubscriptionArgs,
): Promise<void> {
  await client.request<unknown>(REGISTER, { ...args })
}

export async function unregisterSubscription(
  client: GraphQLClient,
  endpoint: string,
): Promise<void> {
  await client.request<unknown>(UNREGISTER, { endpoint })
}
