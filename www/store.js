// Keeps the articles a user loaded from their own files in the browser
// (IndexedDB), so they come back on reload. Each explorer that asks for it
// stores its records, as JSON Lines text, under its own key.
const DB_NAME = 'article-explorer';
const STORE_NAME = 'corpora';

function openDb() {
  return new Promise((resolve, reject) => {
    if (!globalThis.indexedDB) {
      reject(new Error('this browser offers no storage for pages (IndexedDB)'));
      return;
    }
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE_NAME);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(storageError(request.error));
    request.onblocked = () => reject(new Error('storage is in use by another tab'));
  });
}

function storageError(error) {
  if (error?.name === 'QuotaExceededError') return new Error('the browser storage is full');
  return new Error(error?.message || 'the browser refused to store data');
}

async function transact(mode, action) {
  const db = await openDb();
  try {
    return await new Promise((resolve, reject) => {
      const tx = db.transaction(STORE_NAME, mode);
      let request;
      try {
        request = action(tx.objectStore(STORE_NAME));
      } catch (e) {
        tx.abort();
        reject(storageError(e));
        return;
      }
      tx.oncomplete = () => resolve(request.result);
      tx.onerror = () => reject(storageError(tx.error || request.error));
      tx.onabort = () => reject(storageError(tx.error));
    });
  } finally {
    db.close();
  }
}

/**
 * What is stored under `key`: JSON Lines text, or the array of records an
 * earlier version stored; null when there is nothing.
 */
export async function loadStored(key) {
  const value = await transact('readonly', (store) => store.get(key));
  if (typeof value?.jsonl === 'string') return value.jsonl;
  return Array.isArray(value?.records) ? value.records : null;
}

/** Replaces what is stored under `key` with `jsonl`; rejects with a readable Error (full, unavailable). */
export function saveStored(key, jsonl) {
  return transact('readwrite', (store) => store.put({ jsonl, saved: new Date().toISOString() }, key));
}

export function removeStored(key) {
  return transact('readwrite', (store) => store.delete(key));
}
