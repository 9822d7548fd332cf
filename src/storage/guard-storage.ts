import { HubError, isHubError } from "../domain/errors";
import { isUnreachable } from "./table-limits";

/**
 * Runs a storage operation and turns a storage failure into a HubError whose message a person can
 * read: the storage service's own text stays in `cause`, for the log only.
 */
export async function guardStorage<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (isHubError(error)) throw error;
    if (isUnreachable(error)) {
      throw new HubError("storage-unavailable", "Storage could not be reached, so nothing was saved. Please try again in a minute.", {}, { cause: error });
    }
    throw new HubError("internal", "Storage refused the request, so nothing was saved.", {}, { cause: error });
  }
}

/**
 * The same guard around every method of a store that answers a promise, so a store that forgot to
 * guard a call still keeps the storage contract: a failure reaches its caller as a HubError.
 */
export function guardedStore<T extends object>(store: T): T {
  return new Proxy(store, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        const result: unknown = (value as (...a: unknown[]) => unknown).apply(target, args);
        return result instanceof Promise ? guardStorage(() => result) : result;
      };
    },
  });
}
