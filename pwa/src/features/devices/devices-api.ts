// Device administration through GraphQL: devices(userId) lists sync client ids with their
// owner and activity; revokeDevice(clientId) stops one (lost or stolen tablet). The server
// decides who may see and stop which device (supervisors: their team; admins: everyone).
import type { GraphQLClient } from '@/api/client'
import { gql } from '@/api/gql'
import type { DeviceListQuery, RevokeDeviceMutation } from '@/api/graphql-types'

export type DeviceItem = DeviceListQuery['devices'][number]

const DEVICES = gql`
  query DeviceList($userId: ID) {
    devices(userId: $userId) {
      clientId
      firstSeen
      lastSeen
      revoked
      revokedAt
      user {
        id
        username
        displayName
        role
      }
      revokedBy {
        displayName
      }
    }
  }
`

const REVOKE = gql`
  mutation RevokeDevice($clientId: ID!) {
    revokeDevice(clientId: $clientId) {
      username
    }
  }
`

export async function listDevices(
  client: GraphQLClient,
  userId: string | null = null,
): Promise<DeviceItem[]> {
  return (await client.request<DeviceListQuery>(DEVICES, { userId })).devices
}

export async function revokeDevice(client: GraphQLClient, clientId: string): Promise<void> {
  await client.request<RevokeDeviceMutation>(REVOKE, { clientId })
}
