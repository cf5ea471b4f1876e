import { createInstance } from "i18next";
import { i18nOptions } from "./config";
import { renderStored, type StoredMessage } from "./stored-message";

// Initialised synchronously (the resources are inline): models say a stored message in zh-CN inside
// their transactions, for the record (`reason`, `publicReason`) and the ledger.
const zh = createInstance();
void zh.init({ ...i18nOptions, lng: "zh-CN", initImmediate: false });

/** A stored message's zh-CN text: what the record and the ledger keep beside the message. */
export function zhText(message: StoredMessage): string {
  return renderStored(zh.t, message, "");
}
