// This device's Web Push subscription: turn it on (permission, VAPID key, subscribe,
// register with the server), off, and re-register it for whoever signs in.
import type { GraphQLClient } from '@/api/client'

import { fetchVapidPublicKey, registerSubscription, unregisterSubscription } from './push-api'
import { PushError } from './push-failure'
import { subscriptionArgs, vapidKeyBytes } from './push-keys'

/** How long the browser's push service may take to answer subscribe. */
export const SUBSCRIBE_TIMEOUT_MS = 20_000
const WORKER_READY_TIMEOUT_MS = 10_000

export function pushSupported(): boolean {
  return (
    typeof window !== 'undefined' &&
    window.isSecureContext &&
    'serviceWorker' in navigator &&
    'PushManager' in window &&
    'Notification' in window
  )
}

function within<T>(promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(onTimeout()), ms)
    promise.then(
      (value) => {
        clearTimeout(timer)
        resolve(value)
      },
      (error: unknown) => {
        clearTimeout(timer)
        reject(error instanceof Error ? error : new Error(String(error)))
      },
    )
  })
}

async function workerRegistration(): Promise<ServiceWorkerRegistration> {
  if (!pushSupported()) throw new PushError('unsupported')
  // No active worker (e.g. `npm run dev`): nothing can receive a push.
  return within(
    navigator.serviceWorker.ready,
    WORKER_READY_TIMEOUT_MS,
    () => new PushError('unsupported'),
  )
}

export async function currentSubscription(): Promise<PushSubscription | null> {
  if (!pushSupported()) return null
  const registration = await navigator.serviceWorker.getRegistration()
  return (await registration?.pushManager.getSubscription()) ?? null
}

function sameKey(current: ArrayBuffer | null, wanted: Uint8Array): boolean {
  if (current === null) return false
  const bytes = new Uint8Array(current)
  return bytes.length === wanted.length && bytes.every((b, i) => b === wanted[i])
}

async function askPermission(): Promise<void> {
  const permission =
    Notification.permission === 'default'
      ? await Notification.requestPermission()
      : Notification.permission
  if (permission === 'denied') throw new PushError('denied')
  if (permission !== 'granted') throw new PushError('dismissed')
}

/** Turns push on for the signed-in user on this device; throws PushError or ApiError. */
export async function enablePush(
  client: GraphQLClient,
  timeoutMs = SUBSCRIBE_TIMEOUT_MS,
): Promise<void> {
  if (!pushSupported()) throw new PushError('unsupported')
  await askPermission()
  const registration = await workerRegistration()
  const key = vapidKeyBytes(await fetchVapidPublicKey(client))
  if (key === null) throw new PushError('server')
  let subscription = await registration.pushManager.getSubscription()
  if (subscription !== null && !sameKey(subscription.options.applicationServerKey, key)) {
    await subscription.unsubscribe() // made for another server key: useless now
    subscription = null
  }
  subscription ??= await within(
    registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key }),
    timeoutMs,
    () => new PushError('unreachable'),
  )
  const args = subscriptionArgs(subscription.toJSON())
  if (args === null) throw new PushError('unreachable')
  await registerSubscription(client, args)
}

/**
 * Turns push off on this device: the browser's subscription ends first (so nothing more
 * arrives even offline), then the server forgets it; if the server cannot be told now, its
 * next delivery gets 404/410 from the push service and deletes it.
 */
export async function disablePush(client: GraphQLClient): Promise<void> {
  const subscription = await currentSubscription()
  if (subscription === null) return
  const { endpoint } = subscription
  await subscription.unsubscribe()
  try {
    await unregisterSubscription(client, endpoint)
  } catch {
    // See above: the push service's 410 cleans up.
  }
}

/** After a sign-in: the device's existing subscription now belongs to this user. */
export async function reRegisterPush(client: GraphQLClient): Promise<boolean> {
  if (!pushSupported() || Notification.permission !== 'granted') return false
  const subscription = await currentSubscription()
  const args = subscription === null ? null : subscriptionArgs(subscription.toJSON())
  if (args === null) return false
  await registerSubscription(client, args)
  return true
}

/**
 * Before signing out (while the token still works): this device stops receiving the user's
 * pushes. Never holds up the sign-out for long, and never fails it.
 */
export async function stopPushBeforeSignOut(client: GraphQLClient, waitMs = 3_000): Promise<void> {
  await within(disablePush(client), waitMs, () => new PushError('offline')).catch(() => undefined)
}
