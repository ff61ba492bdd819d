import { onMounted, ref, type Ref } from 'vue'

import { useErrorMessage } from './use-error-message'

/**
 * Data a panel fetches when it is shown: `loaded` once the first answer (or failure) came,
 * `error` the sentence to show for a failure (the data is kept then); `load` fetches again.
 */
export function useFetched<T>(
  fetch: () => Promise<T>,
  initial: T,
): { data: Ref<T>; loaded: Ref<boolean>; error: Ref<string | null>; load: () => Promise<void> } {
  const errorMessage = useErrorMessage()
  const data = ref(initial) as Ref<T>
  const loaded = ref(false)
  const error = ref<string | null>(null)

  async function load(): Promise<void> {
    error.value = null
    try {
      data.value = await fetch()
    } catch (failure) {
      error.value = errorMessage(failure)
    } finally {
      loaded.value = true
    }
  }

  onMounted(load)
  return { data, loaded, error, load }
}
