import { IndexedDbStore } from "../../../src/storage/indexeddb-store";
import { MemoryStore } from "../../../src/storage/memory-store";
import { uniqueDbName } from "../../support/fixtures";
import { describeStoreContract } from "./store-contract";

describeStoreContract("MemoryStore", async () => new MemoryStore());
describeStoreContract("IndexedDbStore", () => IndexedDbStore.open(uniqueDbName("contract")));
