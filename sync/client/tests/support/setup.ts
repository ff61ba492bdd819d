// IndexedDB for Node: fake-indexeddb implements the spec in memory (each test uses its own database name).
import "fake-indexeddb/auto";
