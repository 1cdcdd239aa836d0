// Unsaved form input, kept in memory (never in web storage) per user, so that it survives an
// expired session or a logout and the login after it, but not a reload, and never reaches
// another account.
const drafts = new Map<string, unknown>();
let owner: string | null = null;

/** Call on every login: another account than before discards the drafts. */
export function setDraftOwner(userId: string | null) {
  if (userId && owner && userId !== owner) drafts.clear();
  if (userId) owner = userId;
}

export function loadDraft<T>(key: string): T | undefined {
  return drafts.get(key) as T | undefined;
}

export function saveDraft<T>(key: string, value: T) {
  drafts.set(key, value);
}

export function dropDraft(key: string) {
  drafts.delete(key);
}
